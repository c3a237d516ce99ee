# Sourced by the scripts in bin/: picks a JDK 21 or newer and puts it first on PATH.
# Order: $JAVA_HOME if it is 21+, else the newest JDK under /usr/lib/jvm, else a 21+ `java` on PATH
# (a conda env). The system's default java (17 on Debian 12) is never picked by accident.

MIN_JAVA_FEATURE=21

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
jdk_feature_version() {
  local home=$1
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  "$home/bin/java" -version 2>&1 | sed -n 's/^[^"]*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}

# Sets JAVA_HOME and PATH; exits with the fix when no JDK 21+ is found.
use_jdk() {
  local version best_home="" best_version=0 candidate
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version=$(jdk_feature_version "$JAVA_HOME")
    if [[ -n "$version" && "$version" -ge "$MIN_JAVA_FEATURE" ]]; then
      best_home=$JAVA_HOME best_version=$version
    else
      echo "note: JAVA_HOME=$JAVA_HOME is not a JDK $MIN_JAVA_FEATURE+; looking under /usr/lib/jvm" >&2
    fi
  fi
  if [[ -z "$best_home" ]]; then
    for candidate in /usr/lib/jvm/*/; do
      candidate=${candidate%/}
      [[ -L "$candidate" ]] && continue
      version=$(jdk_feature_version "$candidate")
      if [[ -n "$version" && "$version" -gt "$best_version" ]]; then
        best_home=$candidate best_version=$version
      fi
    done
    [[ "$best_version" -ge "$MIN_JAVA_FEATURE" ]] || best_home=""
  fi
  if [[ -z "$best_home" ]] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    version=$(jdk_feature_version "$candidate")
    if [[ -n "$version" && "$version" -ge "$MIN_JAVA_FEATURE" ]]; then
      best_home=$candidate best_version=$version
    fi
  fi
  if [[ -z "$best_home" ]]; then
    echo "error: Concurrency Lab needs a JDK $MIN_JAVA_FEATURE or newer and found none." >&2
    echo "  Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21+) or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME=$best_home
  export PATH="$JAVA_HOME/bin:$PATH"
  JAVA="$JAVA_HOME/bin/java"
  JDK_FEATURE=$best_version
}
