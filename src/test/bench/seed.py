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
random.seed(7)
ids, depth = [], {}
for i in range(n):
    parent = None
    if ids and random.random() < 0.6:
        parent = random.choice(ids[-200:])
        if depth[parent] >= 4:
            parent = None
    body = {"body": f"Seed comment {i}: a civil point about trade, transit and the 2020 statement."}
    if parent:
        body["parentId"] = parent
    c = call("POST", f"/api/v1/articles/{key}/comments?site=demo", body, {"Authorization": "Bearer " + token})["comment"]
    ids.append(c["id"])
    depth[c["id"]] = 0 if parent is None else depth[parent] + 1
print(token)
