# Sourced by the scripts in bin/: where the runnable jar is, and how to install its kernelspec.

KERNEL_JAR="$ROOT/magics/target/concurrency-lab.jar"

# Installs the kernelspec from the built jar; arguments are the location options of `install`.
install_kernelspec() {
  "$JAVA" -jar "$KERNEL_JAR" install "$@"
}
