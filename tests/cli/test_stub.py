"""neml2-stub: .pyi stubs of the pybind11 extension neml2.aoti._aoti, by introspection."""

import ast
import importlib.util
from pathlib import Path

import pytest

from neml2.cli.stub import main, stub_text

aoti = pytest.importorskip("neml2.aoti._aoti", reason="the C++ extension is not built")
NO_STUBGEN = importlib.util.find_spec("pybind11_stubgen") is None


def _defs(tree: ast.Module) -> dict[str, ast.AST]:
    return {n.name: n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}


def test_stub_covers_the_module():
    tree = ast.parse(stub_text(aoti))
    defs = _defs(tree)
    assert set(defs) == {"Model", "solve_points"}
    methods = {f.name: f for f in defs["Model"].body if isinstance(f, ast.FunctionDef)}
    public = {n for n in dir(aoti.Model) if not n.startswith("_")}
    assert public <= set(methods) and "__init__" in methods
    sig = methods["jacobian"]
    assert [a.arg for a in sig.args.args] == ["self", "inputs"]
    assert ast.unparse(sig.returns) == "tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]"
    init = methods["__init__"]
    assert ast.unparse(init.args.defaults[0]) == "None"  # device=None
    props = {f.name: ast.unparse(f.returns) for f in methods.values() if f.decorator_list}
    assert props["input_names"] == "list[str]" and props["device"] == "torch.device"
    assert ast.unparse(defs["solve_points"].returns) == "torch.Tensor"
    reexports = {a.asname: n.module for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names}
    assert reexports["FatalError"] == "neml2.aoti.errors" and reexports["ConvergenceError"] == "neml2.errors"
    imports = {a.name for n in tree.body if isinstance(n, ast.Import) for a in n.names}
    assert {"torch", "os", "collections.abc"} <= imports


@pytest.mark.skipif(not NO_STUBGEN, reason="pybind11-stubgen is installed: the stubs come from it")
def test_writes_next_to_the_package_layout(tmp_path, capsys):
    assert main(["-o", str(tmp_path)]) == 0
    path = tmp_path / "neml2" / "aoti" / "_aoti.pyi"
    assert capsys.readouterr().out == f"neml2.aoti._aoti: {path}\n"
    assert path.read_text() == stub_text(aoti)
    assert main(["--print"]) == 0
    assert capsys.readouterr().out == stub_text(aoti)


@pytest.mark.skipif(not NO_STUBGEN, reason="pybind11-stubgen is installed and takes the extra arguments")
def test_extra_arguments_need_pybind11_stubgen(tmp_path, capsys):
    assert main(["-o", str(tmp_path), "--ignore-all-errors"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--ignore-all-errors" in err and "pybind11_stubgen" in err
    assert not Path(tmp_path, "neml2").exists()
