"""Clean a folder of page dumps into a DataFrame and count articles per site per month.

    python examples/clean_folder.py fixtures/            # plots if matplotlib is installed
    python examples/clean_folder.py fixtures/ --no-plot  # prints the table instead

Needs pandas (pip install "newsclean[pandas]"); the plot needs matplotlib (pip install "newsclean[plot]").
Exits 1 when the folder does not exist or holds no article, naming why.
"""

from __future__ import annotations

import sys
from pathlib import Path

import newsclean


def main(folder: str, plot: bool = True) -> int:
    if not Path(folder).is_dir():
        print(f"clean_folder: no such folder: {folder}", file=sys.stderr)
        return 1
    results = newsclean.parse_many([folder])  # every .txt/.html(.gz) under folder, all CPUs
    print(results.summary(), file=sys.stderr)  # counts, and the first failures by name
    if not results.articles:
        print(f"clean_folder: no article in {folder}", file=sys.stderr)
        return 1
    df = results.to_dataframe()
    # published_at is UTC; count by the month the page itself shows (its local date).
    month = df["published_date"].dt.to_period("M")
    print(f"{len(df)} articles from {df['site'].nunique()} sites ({month.isna().sum()} undated)")
    per_month = df.groupby([month, "site"], observed=True).size().unstack("site", fill_value=0)

    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plot = False
    if not plot:
        print(per_month.to_string())
        return 0
    per_month.plot(kind="bar", stacked=True, figsize=(10, 4), title="Articles per site per month")
    plt.tight_layout()
    plt.show()
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], plot="--no-plot" not in sys.argv))
