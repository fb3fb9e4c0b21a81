# Two commands on a fresh machine: `make run` and `make test`. Both bootstrap what they
# need: a local virtual environment with the Python packages from pyproject.toml, and
# the Debian packages the tests and the window use, installed with apt-get when absent.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := xvfb xauth chromium poppler-utils fonts-dejavu-core libegl1 libgl1 libxcb-cursor0 \
	libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
	libxcb-xinerama0 libxcb-xkb1 \
	libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	desktop-file-utils appstream shared-mime-info fonts-wqy-microhei postgresql
export QT_QPA_PLATFORM ?= offscreen
# Property tests replay fixed examples (tests/conftest.py), so make test judges the code,
# not a lucky draw; HYPOTHESIS_PROFILE=default make test explores new examples.
export HYPOTHESIS_PROFILE ?= ci

# Compiled translations (src/annotator/resources/translations/README.md): build output, not committed.
QM := $(patsubst %.ts,%.qm,$(wildcard src/annotator/resources/translations/*.ts))

.PHONY: run test pytest lint bench sysdeps venv clean package translations

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

src/annotator/resources/translations/%.qm: src/annotator/resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Re-extract the translatable strings into every .ts (new ones arrive unfinished). English
# holds only the plural forms of the %n strings ("1 question", "2 questions").
translations: $(STAMP)
	for ts in src/annotator/resources/translations/*.ts; do \
		case $$ts in *_en.ts) only=-pluralonly;; *) only=;; esac; \
		$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations relative $$only src/annotator -ts $$ts; \
	done

# Install only the Debian packages that are missing; skip silently when not root and
# nothing is missing, fail loudly when something is missing and apt-get cannot run.
sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: $(STAMP) $(QM) sysdeps
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then QT_QPA_PLATFORM= $(BIN)/annotator; \
	else echo "No display: running under Xvfb"; QT_QPA_PLATFORM= xvfb-run -a $(BIN)/annotator; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(STAMP) $(QM) sysdeps
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test: lint pytest

bench: $(STAMP) $(QM) sysdeps
	$(BIN)/python -m benchmarks

# A one-folder frozen app in dist/annotator (PyInstaller), checked by running it.
package: $(STAMP) $(QM) sysdeps
	$(BIN)/python -m pip install -q -e '.[packaging]'
	packaging/build.sh $(BIN)/python

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
