#!/usr/bin/env python3
"""Hot methods of a JFR recording by sign-in request (bench.sh --jfr DIR, then: jfr-hot.py DIR/ours.jfr).

First the request threads' samples by part (crypto, SQL, webauthn4j, the page, Tomcat, our own code), then per request.

Reads `jfr print --stack-depth 200 --events jdk.ExecutionSample`, keeps the samples of Tomcat's request threads in the
last --tail share of the recording (the warm-up's interpreted and C1 code comes first), sorts each into the request it
serves by the frames it holds (login page, options, finish, or other), and prints per request the methods at the top
of the stack (self) and the methods anywhere on it (total), as shares of that request's samples.
"""
import argparse, collections, re, subprocess, sys

p = argparse.ArgumentParser()
p.add_argument("recording")
p.add_argument("--tail", type=float, default=0.55, help="share of the samples at the end to keep (default 0.55)")
p.add_argument("--top", type=int, default=25)
p.add_argument("--jfr", default="jfr")
a = p.parse_args()

text = subprocess.run([a.jfr, "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample", a.recording],
                      capture_output=True, text=True, check=True).stdout
samples = []
for block in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', block)
    frames = re.findall(r"^\s{4}(\S.*?)(?:\s+line: \d+.*)?$", block.split("stackTrace = [", 1)[-1], re.M)
    frames = [f for f in frames if f not in ("]", "...")]
    samples.append((thread.group(1) if thread else "", frames))
samples = samples[int(len(samples) * (1 - a.tail)):]
requests = [s for s in samples if "exec-" in s[0]]

def kind(frames):
    joined = "\n".join(frames)
    if "PasskeyAuthenticationFilter" in joined or "finishAuthentication" in joined: return "finish"
    if "startAuthentication" in joined or "AuthenticationOptions" in joined: return "options"
    if "LoginController" in joined or "thymeleaf" in joined or "/login" in joined: return "login page"
    return "other (stack cut, or shared)"

def short(frame):
    return re.sub(r"\(.*\)$", "()", frame)

def part(frames):
    """What a sample's CPU is spent on, whichever request it serves: the work, by who does it."""
    top, joined = frames[0] if frames else "", "\n".join(frames)
    if top.startswith("org.bouncycastle") or "AssertionSignatures.verifies" in joined:
        return "the ES256 check (BouncyCastle)"
    if "passkeys4j.spring.jdbc" in joined or "PasskeyAuthenticationProvider.load" in joined:
        return "SQL of a sign-in (our stores, the app's user: Spring JDBC, Hikari, H2)"
    if top.startswith("com.webauthn4j") or ("com.webauthn4j" in joined and "WebAuthn4jVerifier" in joined):
        return "webauthn4j: parsing and checks, the signature aside"
    if "org.thymeleaf" in joined:
        return "the demo's Thymeleaf login page"
    if top.startswith("io.github.passkeys4j"):
        return "our own code (top of the stack)"
    if any(f.startswith("io.github.passkeys4j") for f in frames[:3]):
        return "JDK and Jackson calls of our code"
    if top.startswith(("org.apache.tomcat", "org.apache.coyote", "org.apache.catalina", "jakarta.servlet")):
        return "Tomcat and the servlet wrappers"
    if top.startswith("org.springframework.security"):
        return "Spring Security"
    if top.startswith("org.springframework"):
        return "Spring, other"
    return "JDK and others, called by the above"

parts = collections.Counter(part(frames) for _, frames in requests)
print(f"samples: {len(samples)} kept (last {a.tail:.0%}), on request threads {len(requests)}")
print("\n## by part (all requests)\n")
for k, n in parts.most_common():
    print(f"  {n / max(1, len(requests)):6.1%}  {k}")

by_kind = collections.defaultdict(list)
for thread, frames in requests:
    by_kind[kind(frames)].append(frames)
for k, group in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
    print(f"\n## {k}: {len(group)} samples ({len(group) / max(1, len(requests)):.0%} of request-thread samples)")
    self_count = collections.Counter(short(f[0]) for f in group if f)
    total = collections.Counter()
    for f in group:
        total.update(set(short(x) for x in f))
    print("\nself (top of stack):")
    for m, n in self_count.most_common(a.top):
        print(f"  {n / len(group):6.1%}  {m}")
    print("\ntotal (anywhere on the stack), our code and the libraries' entry points:")
    shown = 0
    for m, n in total.most_common():
        if re.match(r"(io\.github\.passkeys4j|com\.webauthn4j|org\.bouncycastle|sun\.security\.ec|org\.thymeleaf|io\.micrometer|org\.h2|com\.zaxxer|org\.springframework\.(jdbc|security\.web\.(csrf|context|session|savedrequest)|web\.servlet\.DispatcherServlet))", m):
            print(f"  {n / len(group):6.1%}  {m}")
            shown += 1
            if shown >= a.top: break
