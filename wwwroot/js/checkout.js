// Checkout: each part's delivery price and the total follow the buyer's zone and delivery choices
// as they change. The prices come from the page (the server's own figures per zone); without this
// script the "Hitung ulang" button asks the server, and the order is placed only at the total shown.
(function () {
    const form = document.querySelector('form[data-checkout]');
    if (!form) return;
    const zone = form.querySelector('[data-zone]');
    const shown = form.querySelector('[data-shown-total]');
    const rupiah = n => 'Rp' + Math.round(n).toLocaleString('id-ID');
    const set = (selector, text, root) => { const el = (root || document).querySelector(selector); if (el) el.textContent = text; };

    function update() {
        let goods = 0, delivery = 0;
        form.querySelectorAll('.checkout-maker').forEach(part => {
            const partGoods = Number(part.dataset.goods || 0);
            let partDelivery = 0;
            part.querySelectorAll('input[type=radio][data-prices]').forEach(radio => {
                const price = Number(JSON.parse(radio.dataset.prices)[zone.value] || 0);
                const label = form.querySelector('label[for="' + radio.id + '"] .method-price');
                if (label) label.textContent = rupiah(price);
                if (radio.checked) partDelivery = price;
            });
            set('.part-delivery', rupiah(partDelivery), part);
            set('.part-total', rupiah(partGoods + partDelivery), part);
            goods += partGoods;
            delivery += partDelivery;
        });
        set('#checkout-subtotal', rupiah(goods));
        set('#checkout-delivery', rupiah(delivery));
        set('#checkout-total', rupiah(goods + delivery));
        set('#totals-title', (document.querySelector('#totals-title').dataset.label || '').replace('{0}', zone.value));
        shown.value = String(goods + delivery);
    }

    form.addEventListener('change', e => {
        if (e.target === zone || e.target.matches('input[type=radio][data-prices]')) update();
    });
})();
