#!/usr/bin/env python3
"""Reads a JFR recording's execution samples and prints the methods with the most samples: inclusive (on the stack)
for the project's own methods and the libraries' entry points, and self (top frame) for all.
Usage: hot_methods.py FILE.jfr [TOP=40]"""
import collections, re, subprocess, sys
path = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                      capture_output=True, text=True, check=True).stdout
samples = 0; self_ = collections.Counter(); incl = collections.Counter()
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if not frames:
        continue
    samples += 1
    self_[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{samples} samples")
print("\n== inclusive, lianshao.*")
for f, n in [x for x in incl.most_common() if x[0].startswith("lianshao.")][:top]:
    print(f"{100 * n / samples:5.1f}%  {f}")
print("\n== inclusive, selected library entry points")
pat = re.compile(r"(KieSession|StatefulKnowledgeSession|RuleBase|KieBase|newKieSession|fireAllRules|insert|dispose|"
                 r"ObjectMapper|readTree|executeQuery|executeUpdate|executeBatch|commit|NamedParameterJdbcTemplate|"
                 r"JdbcTemplate\.(query|update|batchUpdate)|Socket|HikariProxy)")
for f, n in [x for x in incl.most_common() if not x[0].startswith("lianshao.") and pat.search(x[0])][:top]:
    print(f"{100 * n / samples:5.1f}%  {f}")
print("\n== self (top frame)")
for f, n in self_.most_common(top):
    print(f"{100 * n / samples:5.1f}%  {f}")
