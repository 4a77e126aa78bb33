// Draws each canvas[data-chart] from the JSON element it names; the table beside it holds the same numbers.
(function () {
    if (!window.Chart) return;
    var rupiah = new Intl.NumberFormat(document.documentElement.lang || 'id', { maximumFractionDigits: 0 });
    var colours = ['#b4532a', '#2f3e7a', '#3f7d3a', '#8a6d1f'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var source = document.getElementById(canvas.getAttribute('data-chart'));
        if (!source) return;
        var spec = JSON.parse(source.textContent);
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map(function (d, i) {
                    return { label: d.label, data: d.data, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], tension: 0.2 };
                })
            },
            options: {
                maintainAspectRatio: false,
                animation: false,
                scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return rupiah.format(v); } } } },
                plugins: { legend: { display: spec.datasets.length > 1 } }
            }
        });
    });
})();
