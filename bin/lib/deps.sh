# Sourced by bin/lab and bin/test: installs the Debian packages Concurrency Lab needs, when missing.

DEBIAN_PACKAGES=(
  jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client jupyter-console
  python3-ipykernel python3-jupyter-kernel-test python3-zmq fontconfig fonts-dejavu-core
  chromium python3-jupyter-server tmux
)

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

ensure_packages() {
  if [[ "${USING_CONDA:-0}" == 1 ]]; then
    return 0  # the conda env from environment.yml brings Jupyter, the JDK and Maven
  fi
  local missing=() package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    package_installed "$package" || missing+=("$package")
  done
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)  # the real-browser test drives Chromium with playwright-core
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing ${missing[*]} and no apt-get here; use the conda route (README: environment.yml)." >&2
    exit 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing Debian packages: ${missing[*]}" >&2
    echo "  run this script as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
