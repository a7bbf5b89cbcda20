/* A timelapse to take away: a period of the map as a short WebM with the date burned in large,
 * for teachers to drop into slides. Made in the browser (MediaRecorder on a canvas, each frame
 * drawn by the Save image renderer, map/snapshot.js), so it works offline and in a static copy.
 *
 * Frames are drawn off screen while the previous one is on, and each is held for its planned
 * time: if a frame takes longer to draw, the recorder pauses until it is ready, so the clip's
 * length is frames × time per frame whatever the machine (timelapse_plan.js plans it).
 */
(function (Atlas) {
  "use strict";

  var MAX_WIDTH = 1280;
  var TYPES = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"];

  function supportedType() {
    if (!window.MediaRecorder || !HTMLCanvasElement.prototype.captureStream) {
      return null;
    }
    return (
      TYPES.filter(function (type) {
        return MediaRecorder.isTypeSupported(type);
      })[0] || null
    );
  }

  function even(value) {
    return Math.max(2, 2 * Math.round(value / 2));
  }

  function sleep(ms) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, Math.max(0, ms));
    });
  }

  // Record the plan's frames; resolves with the WebM (or null when cancelled).
  function Recording(atlas, plan, onFrame) {
    var box = atlas.map.getContainer().getBoundingClientRect();
    this.atlas = atlas;
    this.plan = plan;
    this.onFrame = onFrame;
    this.scale = Math.min(1, MAX_WIDTH / box.width);
    this.canvas = document.createElement("canvas");
    this.canvas.width = even(box.width * this.scale);
    this.canvas.height = even(box.height * this.scale);
    this.back = document.createElement("canvas");
    this.back.width = this.canvas.width;
    this.back.height = this.canvas.height;
    this.cancelled = false;
  }

  Recording.prototype.drawFrame = function (index) {
    var ctx = this.back.getContext("2d");
    ctx.setTransform(this.scale, 0, 0, this.scale, 0, 0);
    this.atlas.state.setDay(this.plan.days[index]);
    return Atlas.snapshot.frame(this.atlas, ctx);
  };

  Recording.prototype.show = function () {
    this.canvas.getContext("2d").drawImage(this.back, 0, 0);
    this.track.requestFrame();
  };

  Recording.prototype.run = async function () {
    var stream = this.canvas.captureStream(0);
    this.track = stream.getVideoTracks()[0];
    var recorder = new MediaRecorder(stream, {
      mimeType: supportedType(),
      videoBitsPerSecond: 4e6,
    });
    var chunks = [];
    recorder.ondataavailable = function (event) {
      if (event.data.size) {
        chunks.push(event.data);
      }
    };
    var stopped = new Promise(function (resolve) {
      recorder.onstop = resolve;
    });
    var startDay = this.atlas.state.day;
    await this.drawFrame(0);
    recorder.start();
    this.show();
    for (var index = 1; index <= this.plan.days.length && !this.cancelled; index++) {
      var due = performance.now() + this.plan.frameMs;
      var pause = window.setTimeout(function () {
        recorder.pause(); // this frame is late: stop the clock until it is drawn
      }, this.plan.frameMs);
      if (index < this.plan.days.length) {
        await this.drawFrame(index);
      }
      await sleep(due - performance.now());
      window.clearTimeout(pause);
      if (recorder.state === "paused") {
        recorder.resume();
      }
      this.show(); // after the last frame, once more: it too is held for its full time
      this.onFrame(index, this.plan.days.length);
    }
    recorder.stop();
    await stopped;
    this.track.stop();
    this.atlas.state.setDay(startDay);
    return this.cancelled ? null : new Blob(chunks, { type: "video/webm" });
  };

  function field(panel, name, labelKey, value, attributes) {
    var label = Atlas.popup.element("label", "atlas-timelapse-field");
    label.appendChild(Atlas.popup.element("span", null, Atlas.i18n.t(labelKey)));
    var input = Atlas.popup.element("input");
    input.type = "number";
    input.name = name;
    input.value = value;
    Object.keys(attributes).forEach(function (key) {
      input.setAttribute(key, attributes[key]);
    });
    label.appendChild(input);
    panel.appendChild(label);
    return input;
  }

  // The panel: from, to, years a frame, time a frame, the clip's length, record and cancel.
  function Timelapse(toolbar, atlas, download) {
    var element = Atlas.popup.element;
    var t = Atlas.i18n.t;
    var self = this;
    this.atlas = atlas;
    this.download = download;
    var details = element("details", "atlas-timelapse");
    details.appendChild(element("summary", null, t("timelapse")));
    var panel = element("div", "atlas-timelapse-panel");
    var year = Atlas.time.fromOrdinal(atlas.state.day).year;
    this.inputs = {
      from: field(panel, "from", "timelapse_from", year - 30, { min: 1, max: 9999 }),
      to: field(panel, "to", "timelapse_to", year, { min: 1, max: 9999 }),
      step: field(panel, "step", "timelapse_step", 1, { min: 1, max: 500 }),
      frameMs: field(panel, "frame_ms", "timelapse_frame_ms", 250, {
        min: 40,
        max: 5000,
        step: 10,
      }),
    };
    this.length = panel.appendChild(element("p", "atlas-timelapse-length"));
    this.record = panel.appendChild(
      element("button", "atlas-timelapse-record", t("timelapse_record")),
    );
    this.cancel = panel.appendChild(
      element("button", "atlas-timelapse-cancel", t("timelapse_cancel")),
    );
    this.progress = panel.appendChild(element("progress", "atlas-timelapse-progress"));
    this.status = panel.appendChild(element("p", "atlas-timelapse-status"));
    this.status.setAttribute("aria-live", "polite");
    this.record.type = this.cancel.type = "button";
    this.cancel.hidden = this.progress.hidden = true;
    details.appendChild(panel);
    toolbar.insertBefore(details, toolbar.querySelector(".atlas-print"));
    Object.keys(this.inputs).forEach(function (name) {
      self.inputs[name].addEventListener("input", self.describe.bind(self));
    });
    this.record.addEventListener("click", this.start.bind(this));
    this.cancel.addEventListener("click", function () {
      if (self.recording) {
        self.recording.cancelled = true;
      }
    });
    if (!supportedType()) {
      this.record.disabled = true;
      this.status.textContent = t("timelapse_unsupported");
    }
    this.describe();
  }

  Timelapse.prototype.plan = function () {
    var v = this.inputs;
    return Atlas.timelapsePlan.plan(v.from.value, v.to.value, v.step.value, v.frameMs.value);
  };

  Timelapse.prototype.describe = function () {
    var plan = this.plan();
    this.length.textContent = Atlas.time.localDigits(
      Atlas.i18n.t("timelapse_length", {
        frames: plan.days.length,
        seconds: plan.seconds.toFixed(1),
      }),
    );
  };

  Timelapse.prototype.start = function () {
    var self = this;
    var t = Atlas.i18n.t;
    var plan = this.plan();
    var name = "atlas_timelapse_" + plan.first + "-" + plan.last + ".webm";
    this.recording = new Recording(this.atlas, plan, function (frame, frames) {
      self.progress.max = frames;
      self.progress.value = frame;
      self.status.textContent = Atlas.time.localDigits(
        t("timelapse_recording", { frame: frame, frames: frames }),
      );
    });
    this.record.disabled = true;
    this.cancel.hidden = this.progress.hidden = false;
    return this.recording.run().then(function (blob) {
      self.record.disabled = false;
      self.cancel.hidden = self.progress.hidden = true;
      self.recording = null;
      self.status.textContent = blob
        ? t("timelapse_done", { filename: name })
        : t("timelapse_cancelled");
      if (blob) {
        self.download(blob, name);
      }
      return blob;
    });
  };

  Atlas.controls.timelapse = {
    attach: function (toolbar, atlas, download) {
      return new Timelapse(toolbar, atlas, download);
    },
    supportedType: supportedType,
  };
})(window.Atlas);
