# Sourced by the scripts in bin/: which Python and Jupyter to use.
# Inside an activated conda env (see environment.yml) its own; otherwise Debian's, named explicitly
# because another python3 may come first on PATH without the Jupyter packages.

if [[ -n "${CONDA_PREFIX:-}" && -x "${CONDA_PREFIX}/bin/jupyter" ]]; then
  PYTHON="$CONDA_PREFIX/bin/python"
  JUPYTER="$CONDA_PREFIX/bin/jupyter"
  USING_CONDA=1
else
  PYTHON=/usr/bin/python3
  JUPYTER=/usr/bin/jupyter
  USING_CONDA=0
fi
# Silences ipykernel's debugger note about frozen modules in every Python kernel start.
export PYDEVD_DISABLE_FILE_VALIDATION=1
