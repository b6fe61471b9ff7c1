import pytest

from thematic.core.codebook import build_paths, check_name, split_path, would_cycle


def test_check_name():
    assert check_name("Interoperability") is None
    assert "'/'" in check_name("A/B")
    assert "empty" in check_name("  ")
    assert "spaces" in check_name(" Trust")


def test_split_path_trims_and_refuses_empty_levels():
    assert split_path("Technological / Interoperability") == ["Technological", "Interoperability"]
    with pytest.raises(ValueError, match="empty level"):
        split_path("Technological//Interoperability")


def test_build_paths():
    nodes = {1: ("Systemic", None), 2: ("Policy ambiguity", 1), 3: ("No guidelines", 2)}
    assert build_paths(nodes)[3] == "Systemic/Policy ambiguity/No guidelines"


def test_build_paths_detects_a_cycle():
    with pytest.raises(ValueError, match="cycle"):
        build_paths({1: ("A", 2), 2: ("B", 1)})


def test_would_cycle():
    tree = {1: None, 2: 1, 3: 2}
    assert would_cycle(tree, 1, 3)
    assert would_cycle(tree, 2, 2)
    assert not would_cycle(tree, 3, 1)
    assert not would_cycle(tree, 3, None)
