import pytest


@pytest.fixture(scope="session")
def nlp():
    from conflictx.pipeline import load

    return load()


@pytest.fixture(scope="session")
def run(nlp):
    """Extract from a text; returns the result as a dict (the output contract)."""
    from conflictx.result import Result

    def _run(text, date=None):
        nlp.get_pipe("conflictx").date = date
        try:
            doc = nlp(text)
        finally:
            nlp.get_pipe("conflictx").date = None
        return Result.from_doc(doc, "<test>").to_dict()
    return _run
