"""Fixtures of the reliability suite."""
import pytest


@pytest.fixture(scope="session")
def clean_stage(kb):
    from communique.stages.clean import CleanStage
    return CleanStage(kb)
