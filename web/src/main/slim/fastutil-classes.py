#!/usr/bin/env python3
"""Writes fastutil-classes.txt: the classes of fastutil that Lingua can reach.

Lingua (language detection) uses two of fastutil's 12,795 classes; the WAR carries only their
closure (web/pom.xml, slim-libraries), because Payara parses every class of WEB-INF/lib at each
deployment. The closure is taken over every fastutil class name that appears in a class file's
bytes (constant pool and signatures), which over-approximates what the JVM can load; fastutil
loads none of its classes by name. Run it again when Lingua or fastutil change:
    web/src/main/slim/fastutil-classes.py LINGUA.jar FASTUTIL.jar > web/src/main/slim/fastutil-classes.txt
"""
import re
import sys
import zipfile

NAME = re.compile(rb"it/unimi/dsi/fastutil/[A-Za-z0-9_/$]+")


def main(lingua, fastutil):
    with zipfile.ZipFile(fastutil) as fz:
        classes = {n[:-6]: n for n in fz.namelist() if n.endswith(".class")}
        with zipfile.ZipFile(lingua) as lz:
            todo = {m.decode() for n in lz.namelist() if n.endswith(".class") for m in NAME.findall(lz.read(n))}
        keep = set()
        while todo:
            c = todo.pop()
            if c in keep or c not in classes:
                continue
            keep.add(c)
            todo |= {m.decode() for m in NAME.findall(fz.read(classes[c]))}
            # a class's nested classes come with it (the JVM may load them through reflection data)
            todo |= {n for n in classes if n.startswith(c + "$")}
    for c in sorted(keep):
        print(classes[c])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
