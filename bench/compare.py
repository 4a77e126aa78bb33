"""Compares the ratios to the minimal endpoint of two bench/run.sh tables (1,000 and 100,000 listings):
cost must not grow with size, so each page's ratio at 100,000 should be within 20% of its ratio at 1,000."""
import sys


def ratios(path):
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[3].endswith("%"):
            rows[(cells[0], int(cells[1]))] = (float(cells[3].rstrip("%")), cells[5])
    return rows


small_path, large_path = sys.argv[1:3]
small, large = ratios(small_path), ratios(large_path)
print(f"# Ratios to the minimal endpoint: `{small_path.split('/')[-1]}` against `{large_path.split('/')[-1]}`\n")
print("| page | connections | ratio, 1,000 listings | ratio, 100,000 listings | change | within 20% | p95 ms at 100,000 |")
print("|---|---:|---:|---:|---:|---|---:|")
for key in sorted(large, key=lambda k: (list(large).index(k))):
    page, conns = key
    if page == "minimal":
        continue
    big, p95 = large[key]
    if key in small:
        little = small[key][0]
        change = (big - little) / little if little else 0
        print(f"| {page} | {conns} | {little:.0f}% | {big:.0f}% | {change:+.0%} | {'yes' if abs(change) <= 0.2 else 'no'} | {p95} |")
    else:
        print(f"| {page} | {conns} | – | {big:.0f}% | – | – (no such page at 1,000) | {p95} |")
