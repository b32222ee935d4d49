"""The peer engines: how to install, build, index and query each one.

Each peer is run through its recipe in ../shared/peers/NAME (index.sh DOCDIR
INDEX; search.sh INDEX QUERIES [K] [OR|AND] [WARMUP] -> TSV query, hits, ms,
ids). ../shared is read-only for us: a recipe is copied into the work folder
and built (javac, g++, npm install) there, never in place.

setup_peer() returns a Peer ready to run, or raises PeerSkipped with the
reason to print. Not thread-safe.
"""
import os
import shutil
import stat
import subprocess

import benchlib


class PeerSkipped(Exception):
    """A peer that cannot run here; the message says why."""


LUCENE_JARS = ["/usr/share/java/lucene-core-8.7.0.jar", "/usr/share/java/lucene-analyzers-common-8.7.0.jar",
               "/usr/share/java/lucene-queryparser-8.7.0.jar"]

# name -> description. "needs": what must exist (commands, files, python modules for
# /usr/bin/python3); "packages": Debian packages that provide it; "build": a step run
# once in the copied recipe folder, skipped when "built" exists there; "index_file":
# the index is one file rather than a folder; "size_glob": only these files count as
# the index; "min_warmup": warm-up passes the engine needs to reach steady state.
SPECS = {
    "lucene": {
        "label": "Lucene 8.8 ArabicAnalyzer (Java)",
        "packages": ["liblucene8-java", "default-jdk-headless"],
        "needs": {"commands": ["java", "javac"], "files": LUCENE_JARS},
        "build": ["./build.sh"], "built": "classes/LuceneAr.class",
        "min_warmup": 10,  # the recipe's note: 1 pass leaves the JVM partly un-JITted
    },
    "lucenepp": {
        "label": "Lucene++ 3.0.8 ArabicAnalyzer (C++)",
        "packages": ["liblucene++-dev", "g++"],
        "needs": {"commands": ["g++"], "files": ["/usr/include/lucene++/ArabicAnalyzer.h"]},
        "build": ["./build.sh"], "built": "lpp_ar",
    },
    "xapian-omindex": {
        "label": "Xapian omindex + quest (Snowball arabic)",
        "packages": ["xapian-omega", "xapian-tools"],
        "needs": {"commands": ["omindex", "quest", "xapian-delve"]},
    },
    "xapian-python": {
        "label": "python3-xapian TermGenerator (Snowball arabic)",
        "packages": ["python3-xapian"],
        "needs": {"python": ["xapian"]},
        "index_cmd": ["/usr/bin/python3", "{dir}/index.py", "{docs}", "{index}"],
        "search_cmd": ["/usr/bin/python3", "{dir}/search.py", "{index}", "{queries}", "{k}", "{op}", "{warmup}"],
    },
    "sphinx": {
        "label": "Sphinx 2.2.11 (libstemmer_arabic, bm25)",
        "packages": ["sphinxsearch", "python3-pymysql"],
        "needs": {"commands": ["indexer", "searchd"], "python": ["pymysql"]},
        "size_glob": "ar.",
    },
    "lunr": {
        "label": "lunr 2.3.9 + lunr.ar (Node)",
        "packages": [],  # node and npm come from Debian's nodejs/npm; the modules from npm
        "needs": {"commands": ["node", "npm"]},
        "build": ["npm", "install", "--no-audit", "--no-fund"], "built": "node_modules/lunr-languages",
        "index_file": True,
    },
}
ALL = list(SPECS)


class Peer:
    def __init__(self, name, spec, recipe_dir):
        self.name = name
        self.spec = spec
        self.dir = recipe_dir
        self.label = spec["label"]
        self.min_warmup = spec.get("min_warmup", 0)

    def _fill(self, template, **kw):
        return [part.format(dir=self.dir, **kw) for part in template]

    def index_cmd(self, docs, index):
        t = self.spec.get("index_cmd", ["{dir}/index.sh", "{docs}", "{index}"])
        return self._fill(t, docs=docs, index=index)

    def search_cmd(self, index, queries, k, op, warmup):
        t = self.spec.get("search_cmd", ["{dir}/search.sh", "{index}", "{queries}", "{k}", "{op}", "{warmup}"])
        return self._fill(t, index=index, queries=queries, k=k, op=op, warmup=warmup)

    def index_path(self, base):
        return base + ".json" if self.spec.get("index_file") else base

    def index_bytes(self, path):
        prefix = self.spec.get("size_glob")
        if not prefix:
            return benchlib.disk_bytes(path)
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.startswith(prefix))


def missing(spec):
    """What of spec['needs'] is absent, as a list of strings (empty: all there)."""
    needs = spec["needs"]
    out = [c for c in needs.get("commands", []) if not shutil.which(c)]
    out += [f for f in needs.get("files", []) if not os.path.exists(f)]
    for mod in needs.get("python", []):
        if subprocess.run(["/usr/bin/python3", "-c", f"import {mod}"], capture_output=True).returncode:
            out.append(f"python module {mod}")
    return out


_apt_updated = False


def apt_install(packages, log):
    """apt-get install -y; runs apt-get update once first. Returns an error text or None."""
    global _apt_updated
    if os.geteuid() != 0:
        return "not root, cannot apt-get install " + " ".join(packages)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if not _apt_updated:
        subprocess.run(["apt-get", "update", "-qq"], env=env, stdout=log, stderr=log)
        _apt_updated = True
    r = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
                       env=env, stdout=log, stderr=log)
    return None if r.returncode == 0 else f"apt-get install {' '.join(packages)} failed (exit {r.returncode})"


def copy_recipe(src, dst):
    """Copies a read-only recipe folder into dst (kept between runs, so builds are reused)."""
    os.makedirs(dst, exist_ok=True)
    for name in os.listdir(src):
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if os.path.isdir(s):
            continue
        shutil.copyfile(s, d)
        mode = os.stat(s).st_mode
        os.chmod(d, (mode | stat.S_IWUSR | stat.S_IRUSR) & 0o777)


def setup_peer(name, shared_peers, work_dir, install, log):
    """Installs, copies and builds one peer; returns a Peer or raises PeerSkipped."""
    if name not in SPECS:
        raise PeerSkipped(f"unknown peer '{name}' (known: {', '.join(ALL)})")
    spec = SPECS[name]
    src = os.path.join(shared_peers, name)
    if not os.path.isdir(src):
        raise PeerSkipped(f"recipe {src} not found")
    absent = missing(spec)
    if absent and install and spec["packages"]:
        err = apt_install(spec["packages"], log)
        if err:
            raise PeerSkipped(err)
        absent = missing(spec)
    if absent:
        hint = f" (apt-get install {' '.join(spec['packages'])})" if spec["packages"] else ""
        raise PeerSkipped("missing " + ", ".join(absent) + hint + ("" if install else "; --no-install given"))
    dst = os.path.join(work_dir, name)
    copy_recipe(src, dst)
    if "build" in spec and not os.path.exists(os.path.join(dst, spec["built"])):
        if not install and name == "lunr":
            raise PeerSkipped("lunr needs `npm install` and --no-install was given")
        r = subprocess.run(spec["build"], cwd=dst, stdout=log, stderr=log)
        if r.returncode or not os.path.exists(os.path.join(dst, spec["built"])):
            raise PeerSkipped(f"build step {' '.join(spec['build'])} failed in {dst} (see setup log)")
    return Peer(name, spec, dst)


def package_versions(names):
    """Installed Debian versions of the given packages (missing ones left out)."""
    out = {}
    for n in names:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", n], capture_output=True, text=True)
        if r.returncode == 0 and r.stdout:
            out[n] = r.stdout
    return out


def parse_tsv(path, queries):
    """Reads a recipe's TSV output. Returns one (ms, ids, hits) or None per query, in order.

    Rows are matched to queries by position, checked against the query text;
    if the order does not match, by query text.
    """
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            try:
                ms = float(parts[2].replace(",", "."))
            except ValueError:
                continue
            ids = parts[3].split() if len(parts) > 3 else []
            rows.append((parts[0].strip(), ms, ids, parts[1]))
    if len(rows) == len(queries) and all(r[0] == q.strip() for r, q in zip(rows, queries)):
        return [(r[1], r[2], r[3]) for r in rows]
    by_text = {}
    for r in rows:
        by_text.setdefault(r[0], (r[1], r[2], r[3]))
    return [by_text.get(q.strip()) for q in queries]
