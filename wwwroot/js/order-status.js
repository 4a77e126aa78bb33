// The order page while an online payment waits: a small poll of the order's status; when it changes,
// the page's content is fetched again and swapped in, so the buyer sees "paid" without reloading.
(function () {
  function initCopy(root) {
    root.querySelectorAll('button.copy-link[data-copy]').forEach(function (button) {
      if (!navigator.clipboard || button.dataset.ready) return;
      button.dataset.ready = '1';
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          button.textContent = button.dataset.copied || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  function watch() {
    var poll = document.querySelector('[data-order-poll]');
    if (!poll) return;
    var url = poll.dataset.orderPoll, status = poll.dataset.status, started = Date.now();
    function next() {
      // Every 3 seconds for ten minutes, then every 15: a phone left open does not drain its data.
      setTimeout(check, Date.now() - started < 600000 ? 3000 : 15000);
    }
    function check() {
      if (document.hidden) { next(); return; }
      fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer || answer.status === status) { next(); return; }
          return fetch(location.pathname, { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (html) {
            var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
            var main = document.querySelector('main');
            if (fresh && main) { main.innerHTML = fresh.innerHTML; initCopy(main); watch(); }
          });
        })
        .catch(next);
    }
    next();
  }

  initCopy(document);
  watch();
})();
