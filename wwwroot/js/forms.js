// Messages of the browser's own form checks in the page's language, not the browser's: each field's data-val-*
// message (written by the server in the page's language) or the page's general one from <body data-msg-*>.
(function () {
  var general = document.body.dataset;

  function format(text, value) { return (text || '').replace('{0}', value); }

  function messageFor(field) {
    var v = field.validity, d = field.dataset;
    if (v.valueMissing) return d.valRequired || general.msgRequired;
    if (v.badInput || (v.typeMismatch && field.type === 'number')) return d.valNumber || general.msgNumber;
    if (v.typeMismatch && field.type === 'email') return d.valEmail || general.msgEmail;
    if (v.rangeUnderflow) return d.valRange || format(general.msgMin, field.min);
    if (v.rangeOverflow) return d.valRange || format(general.msgMax, field.max);
    if (v.tooShort) return d.valLength || d.valMinlength || format(general.msgMinLength, field.minLength);
    if (v.tooLong) return d.valLength || d.valMaxlength || format(general.msgMaxLength, field.maxLength);
    if (v.stepMismatch) return general.msgNumber;
    if (v.patternMismatch || v.typeMismatch) return general.msgFormat;
    return '';
  }

  document.addEventListener('invalid', function (event) {
    var field = event.target;
    if (!field.setCustomValidity) return;
    field.setCustomValidity('');
    var message = messageFor(field);
    if (message) field.setCustomValidity(message);
  }, true);

  // A corrected field is checked afresh, not held to the old message.
  document.addEventListener('input', function (event) {
    if (event.target.setCustomValidity) event.target.setCustomValidity('');
  }, true);
}());
