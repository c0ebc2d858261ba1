"""Clean a folder of page dumps into a DataFrame and count articles per site per month.

    python examples/clean_folder.py dumps/            # plots if matplotlib is installed
    python examples/clean_folder.py dumps/ --no-plot  # prints the table instead
"""

from __future__ import annotations

import sys

import newsclean


def main(folder: str, plot: bool = True) -> None:
    results = newsclean.parse_many([folder])  # every .txt/.html(.gz) under folder, all CPUs
    df = newsclean.to_dataframe(results)
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
        return
    per_month.plot(kind="bar", stacked=True, figsize=(10, 4), title="Articles per site per month")
    plt.tight_layout()
    plt.show()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], plot="--no-plot" not in sys.argv)
