/* The date box of the time bar: the date in words, at a fixed width, and a field to type one.
 *
 * A click on the date (or Enter on the slider, or G in the classroom) opens the field with the
 * day in ISO form, selected; Enter goes there, Escape gives up. What cannot be read, a day the
 * month lacks, or a day outside the atlas is refused in words under the box, and the field
 * stays open to mend it (core/typed_date.js reads the text).
 */
(function (Atlas) {
  "use strict";

  function DateBox(root, slider) {
    var self = this;
    this.slider = slider;
    this.button = root.querySelector(".atlas-date-edit");
    this.form = root.querySelector(".atlas-date-form");
    this.field = root.querySelector(".atlas-date-input");
    this.message = root.querySelector(".atlas-date-message");
    this.button.addEventListener("click", function () {
      self.open();
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit();
    });
    this.field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        self.close(true);
      }
    });
    this.field.addEventListener("blur", function () {
      if (!self.form.hidden) {
        self.close(false);
      }
    });
  }

  DateBox.prototype.open = function () {
    this.form.hidden = false;
    this.button.hidden = true;
    this.field.value = Atlas.time.localDigits(Atlas.time.toIso(this.slider.state.day));
    this.field.removeAttribute("aria-invalid");
    this.field.focus();
    this.field.select();
  };

  DateBox.prototype.close = function (refocus) {
    this.form.hidden = true;
    this.button.hidden = false;
    this.say(null);
    if (refocus) {
      this.button.focus();
    }
  };

  DateBox.prototype.submit = function () {
    var slider = this.slider;
    var read = Atlas.typedDate.read(this.field.value, slider.first, slider.last);
    if (read.error) {
      this.field.setAttribute("aria-invalid", "true");
      this.say(read.error, read.values);
      return;
    }
    this.close(true);
    slider.go(read.day);
  };

  // A refusal in words, in the page's language: "2100 is after today: the atlas ends on …".
  DateBox.prototype.say = function (key, values) {
    this.message.textContent = key ? Atlas.time.localDigits(Atlas.i18n.t(key, values)) : "";
    this.message.hidden = !key;
  };

  Atlas.DateBox = DateBox;
})(window.Atlas);
