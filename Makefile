# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
# the C++ runtimes (csrc/) are built by the editable install: rebuild (incrementally) when they change
CSRC := $(shell find csrc/CMakeLists.txt csrc/cmake csrc/include csrc/src -type f 2>/dev/null)
# the editable install maps the package's module files: reinstall when modules are added, removed or
# moved (the list below is rewritten only then; editing a file does not need it)
MODLIST := $(VENV)/.modules
$(shell mkdir -p $(VENV) && find src/neml2 -name '*.py' | sort > $(MODLIST).new && \
  (cmp -s $(MODLIST).new $(MODLIST) || mv $(MODLIST).new $(MODLIST)); rm -f $(MODLIST).new)

.PHONY: demo test venv lint bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml $(CSRC) $(MODLIST)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q torch==2.13.0 'scikit-build-core>=0.10' ninja
	command -v cmake >/dev/null || $(PIP) install -q 'cmake>=3.18'
	$(PIP) install -q --no-build-isolation -e '.[dev,calibration]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) examples/demo/run_demo.py

test: $(STAMP)
	$(PY) -m pytest -n 2 -q tests

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build results
