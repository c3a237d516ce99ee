# Sourced by the scripts in bin/: where the runnable jar is, and how to install its kernelspec.

KERNEL_JAR="$ROOT/app/target/concurrency-lab.jar"

# Installs the kernelspec from the built jar; arguments are the location options of `install`.
install_kernelspec() {
  "$JAVA" -jar "$KERNEL_JAR" install "$@"
}

# Runs Maven on the chosen JDK. Maven's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns
# about on every build; the flag (known from JDK 23 on) keeps that noise out of the output.
maven() {
  if [[ "${JDK_FEATURE:-0}" -ge 23 ]]; then
    MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn "$@"
  else
    mvn "$@"
  fi
}
