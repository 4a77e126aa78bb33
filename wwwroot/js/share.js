// Copy-link buttons: hidden without JavaScript, where the address field stays to copy by hand.
document.querySelectorAll('button.copy-link[data-copy]').forEach(function (button) {
  if (!navigator.clipboard) return;
  button.hidden = false;
  var label = button.textContent;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      button.textContent = button.dataset.copied || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
});
