// One tap to the cart from cached pages: the form posts by fetch, a short note confirms, the header count follows.
// Without JavaScript the same forms post normally and land on the cart.
(function () {
  var counts = document.querySelectorAll('[data-cart-count]');
  var toast = document.getElementById('cart-toast');
  var live = document.getElementById('cart-live');

  function show(count) {
    counts.forEach(function (el) {
      el.textContent = count > 99 ? '99+' : String(count);
      el.hidden = !(count > 0);
    });
  }

  var hideTimer;
  function note(message, failed) {
    if (live) live.textContent = message;
    if (!toast) return;
    toast.querySelector('[data-message]').textContent = message;
    toast.classList.toggle('failed', !!failed);
    toast.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { toast.hidden = true; }, 6000);
  }

  if (document.cookie.split(';').some(function (c) { return c.trim().indexOf('pk_cart=') === 0; })) {
    fetch('/keranjang/jumlah', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) show(data.count); })
      .catch(function () { });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form.quick-add')) return;
    event.preventDefault();
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        // Anything but an answer about the item: the page with the full form takes over.
        if (r.status !== 200 && r.status !== 422) { window.location.href = form.dataset.fallback; return null; }
        return r.json();
      })
      .then(function (data) {
        if (!data) return;
        note(data.message, !data.added);
        show(data.count);
      })
      .catch(function () { note(toast ? toast.dataset.offline : '', true); })
      .finally(function () { if (button) button.disabled = false; });
  });
}());
