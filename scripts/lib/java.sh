# shellcheck shell=bash
# Sourced (not run) by the scripts that start Java, from the repository root and after they define say():
# sets java, JAVA_HOME's java (by default the JDK 17 the committed figures were measured on), and jdk, its
# specification version (17, 21, 25...), which names the results files and picks CDS or the AOT cache.
java=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java
[ -x "$java" ] || { say "no java at $java (set JAVA_HOME)"; exit 2; }
jdk=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
