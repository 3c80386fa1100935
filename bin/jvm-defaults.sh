# Sourced (not run) by bin/parley, src/test/bin/parley-cluster.sh and the benchmark scripts: the
# JVM settings a Parley instance starts with unless the caller overrides them (a -X option given
# later on the command line wins). Measured in docs/BENCHMARKS.md ("Memory and start-up").
#   -Xms64m -Xmx512m            the heap (live: about 150 MB once ready); 384 MB was tried and made
#                               G1 run 156 young collections before the benchmark's seed was done
#                               (eden squeezed to 34 MB), so the heap stays at 512 MB
#   -XX:MaxMetaspaceSize=256m   a ceiling for Payara's and the application's classes (~150 MB used)
#   -Xss1m                      the thread stack (Linux's default, stated)
#   -XX:ReservedCodeCacheSize=128m  JIT code (Payara + Parley use 50-70 MB; the default reserves 240)
#   -XX:+UseSerialGC            one collector thread: on the 2-4 cores an instance gets, G1's own
#                               structures (46 MB committed) and concurrent threads cost more than
#                               they save; measured side by side after ~21k posts: RSS 741 MB with
#                               Serial and compact headers against 802 MB with G1 (docs/BENCHMARKS.md)
#   -XX:+UseCompactObjectHeaders  8-byte object headers (JDK 25+, JEP 519): less heap per comment
#                               and per cached page; added only when the JVM knows the option
# MALLOC_ARENA_MAX=2: glibc otherwise gives each of Payara's many request threads its own malloc
# arena of up to 64 MB, which the native parts (ONNX Runtime's encoder, the tokenizer, zip
# inflaters) fragment; two arenas keep resident memory down at no measurable cost.
PARLEY_JVM_DEFAULTS=(-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -Xss1m -XX:ReservedCodeCacheSize=128m -XX:+UseSerialGC)
if "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -XX:+UseCompactObjectHeaders -version > /dev/null 2>&1; then
  PARLEY_JVM_DEFAULTS+=(-XX:+UseCompactObjectHeaders)
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
