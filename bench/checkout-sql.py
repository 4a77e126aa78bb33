"""Drives guest checkouts one step at a time and marks each step in PostgreSQL's log, so bench/checkout-sql.sh
can count the commands each step sent. Usage: checkout-sql.py BASE LISTING_IDS_FILE BUYERS MARK_COMMAND...
(MARK_COMMAND gets one more argument: the SQL that writes the marker to the server's log)."""
import html.parser, http.cookiejar, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

base, ids_file, buyers, mark = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
ids = [line.strip() for line in open(ids_file) if line.strip()]


class FirstPostForm(html.parser.HTMLParser):
    """The values a browser would send from the page's first POST form that carries an antiforgery token."""
    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select, self.area = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.current = {}
        elif self.current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                if "checked" in a: self.current[a["name"]] = a.get("value") or "on"
            elif kind != "submit":
                self.current[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self.select = a["name"]; self.current.setdefault(self.select, None)
        elif tag == "option" and self.select:
            if self.current[self.select] is None or "selected" in a: self.current[self.select] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self.area = a["name"]; self.current[self.area] = ""

    def handle_data(self, data):
        if self.area and self.current is not None: self.current[self.area] += data

    def handle_endtag(self, tag):
        if tag == "select": self.select = None
        elif tag == "textarea": self.area = None
        elif tag == "form" and self.current is not None:
            self.forms.append(self.current); self.current = None


def form(body):
    parser = FirstPostForm(); parser.feed(body)
    return next(f for f in parser.forms if "__RequestVerificationToken" in f)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None


def step(opener, name, path, data=None):
    subprocess.run(mark + [f"SELECT 'STEP {name}'"], check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    try:
        response = opener.open(base + path, urllib.parse.urlencode(data).encode() if data is not None else None)
        status, location, body = response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as e:
        status, location, body = e.code, e.headers.get("Location"), e.read().decode()
    print(f"{name} {status} {(time.perf_counter() - start) * 1000:.1f} ms", file=sys.stderr)
    return status, location, body


for buyer in range(buyers):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
    listing = ids[buyer * 7 % len(ids)]
    _, _, body = step(opener, "add-form", f"/keranjang/tambah/{listing}")
    add = form(body); add["Quantity"] = "1"
    status, _, _ = step(opener, "add-post", f"/keranjang/tambah/{listing}", add)
    assert status == 302, status
    step(opener, "cart", "/keranjang")
    _, _, body = step(opener, "checkout-form", "/checkout")
    order = form(body)
    order.update(Name=f"Pembeli Jejak {buyer}", Phone="081234567890", Email=f"jejak{buyer}@contoh.test", Address="Jl. Uji No. 1, Mataram")
    status, location, _ = step(opener, "place", "/checkout", order)
    assert status == 302 and location.startswith("/pesanan/"), (status, location)
    status, _, _ = step(opener, "order-page", location)
    assert status == 200, status
subprocess.run(mark + ["SELECT 'STEP end'"], check=True, stdout=subprocess.DEVNULL)
