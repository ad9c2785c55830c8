"""Write the analyst notebooks (outputs stripped) from the cell sources below.

Run: python scripts/make_notebooks.py  — the notebooks are committed; CI executes them."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parents[1] / "notebooks"

NOTEBOOKS = {
    "01_quickstart.ipynb": [
        new_markdown_cell("# vbextract quickstart\nOne plan: its metadata, its tasks, and the text with what was "
                          "found highlighted. Uses only documents shipped in `corpora/`."),
        new_code_cell("import vbextract\n"
                      "doc = vbextract.extract('../corpora/raw/000_d33c2c6bea5c954f.txt')\n"
                      "doc.metadata"),
        new_markdown_cell("## Tasks: who must do what, by when"),
        new_code_cell("tasks = doc.tasks_frame()\n"
                      "tasks[['id', 'lead', 'support', 'deadline', 'report_to', 'action']]"),
        new_code_cell("police = tasks[tasks['lead'].str.contains('Đảng ủy Công an tỉnh')]\n"
                      "assert len(police) >= 1, 'the provincial police party committee has a task in this plan'\n"
                      "assert str(tasks['deadline'].dtype).startswith('datetime64')\n"
                      "police[['lead', 'deadline', 'action']]"),
        new_markdown_cell("## Cited documents and dates"),
        new_code_cell("refs = doc.references_frame()\n"
                      "assert '36-CT/TW' in set(refs['key'])\n"
                      "refs[['key', 'doc_type', 'date', 'issuer', 'relation']].drop_duplicates('key')"),
        new_code_cell("doc.dates_frame().query(\"kind == 'deadline'\")[['text', 'value']]"),
        new_markdown_cell("## The highlighted document\nAgencies, references, dates/deadlines and tasks in "
                          "distinct colours; hover a highlight for details."),
        new_code_cell("doc"),
    ],
    "02_archive_to_tables.ipynb": [
        new_markdown_cell("# An archive to JSON and tables\nConvert a folder in parallel (resumable), load the "
                          "output as a corpus, and look for overdue tasks by agency."),
        new_code_cell("import tempfile, pathlib\n"
                      "import pandas as pd\n"
                      "from vbextract.batch import run_batch\n"
                      "from vbextract.graph import Corpus\n"
                      "out = pathlib.Path(tempfile.mkdtemp()) / 'archive.jsonl'\n"
                      "summary = run_batch(['../corpora/raw'], out, workers=2, progress=False)\n"
                      "print(summary.line())\n"
                      "assert summary.failed == 0 and summary.done >= 27"),
        new_code_cell("again = run_batch(['../corpora/raw'], out, workers=2, progress=False)\n"
                      "assert again.done == 0 and again.skipped == summary.done  # resumed: nothing redone\n"
                      "corpus = Corpus.from_batch(out)\n"
                      "len(corpus)"),
        new_code_cell("tasks = corpus.tasks_frame()\n"
                      "assert len(tasks) > 50\n"
                      "tasks[['doc_path', 'lead', 'deadline', 'action']].head(10)"),
        new_markdown_cell("## Overdue tasks, by lead agency\nA task is overdue when its deadline is before a "
                          "reference day (fixed here so the notebook is reproducible)."),
        new_code_cell("today = pd.Timestamp('2025-01-01')\n"
                      "overdue = tasks[tasks['deadline'] < today].explode('leads')\n"
                      "by_agency = overdue.groupby('leads').size().sort_values(ascending=False)\n"
                      "assert by_agency.sum() == len(overdue)\n"
                      "by_agency.head(15)"),
    ],
    "03_citation_graph.ipynb": [
        new_markdown_cell("# The citation graph\nHow the seed documents hang together: every plan points to the "
                          "documents it implements, reports on, replaces …"),
        new_code_cell("import glob\n"
                      "import vbextract\n"
                      "from vbextract.graph import Corpus\n"
                      "corpus = Corpus(vbextract.extract(p) for p in sorted(glob.glob('../corpora/raw/00*.txt')))\n"
                      "g = corpus.graph\n"
                      "print(g.number_of_nodes(), 'documents,', g.number_of_edges(), 'relations')"),
        new_code_cell("[directive] = corpus.find('36-CT/TW')\n"
                      "tree = corpus.implementers(directive)\n"
                      "assert any(row['symbol'] == '235/KH-UBND' for row in tree)\n"
                      "tree"),
        new_code_cell("[plan] = corpus.find('235/KH-UBND')\n"
                      "print('ancestors of 235/KH-UBND:', corpus.ancestors(plan))\n"
                      "print('replaced documents:', corpus.replaced())"),
        new_markdown_cell("## Drawn\nThe same self-contained view that `vbextract graph … -o graph.html` writes."),
        new_code_cell("from IPython.display import HTML\n"
                      "from vbextract.graph_html import render_html\n"
                      "from vbextract.graph_export import portable\n"
                      "HTML(render_html(portable(g)))"),
    ],
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                     "language": "python"}})
        nbformat.write(notebook, HERE / name)


if __name__ == "__main__":
    main()
