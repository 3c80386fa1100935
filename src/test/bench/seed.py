"""Seeds one article with N comments (40% top level, the rest replies up to depth 4) through the API."""
import json, random, sys, urllib.request, base64

base, user, password, key, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

def call(method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")

call("POST", "/api/v1/admin/sites/demo/articles", {"key": key, "url": f"https://bench.example/{key}", "title": "Bench"},
     {"Authorization": auth})
token = call("POST", "/api/v1/sites/demo/readers", {"name": "Bench reader"})["token"]
TEXTS = ["The customs figures for 2023 show trade growing, which matches the article.",
         "I read the 2020 statement again; the transit clause is shorter than people remember.",
         "Thanks for the summary of the consultations clause and its history.",
         "The energy cooperation part deserves more attention than the military one.",
         "Does anyone know when the English translation was first published?",
         "The monitoring mission began in 2023, so the change was gradual.",
         "I disagree with the conclusion, but the timeline is accurate.",
         "Good explainer on the legal difference between a freeze and a withdrawal."]
random.seed(7)
ids, depth = [], {}
for i in range(n):
    parent = None
    if ids and random.random() < 0.6:
        parent = random.choice(ids[-200:])
        if depth[parent] >= 4:
            parent = None
    answer = {}
    for attempt in range(len(TEXTS)):
        body = {"body": f"{TEXTS[(i + attempt) % len(TEXTS)]} (note {i})"}
        if parent:
            body["parentId"] = parent
        answer = call("POST", f"/api/v1/articles/{key}/comments?site=demo", body, {"Authorization": "Bearer " + token})
        if "comment" in answer and answer["status"] == "published":
            break
    else:
        sys.exit(f"could not seed comment {i}: {answer}")
    c = answer["comment"]
    ids.append(c["id"])
    depth[c["id"]] = 0 if parent is None else depth[parent] + 1
print(token)
