#!/usr/bin/env python3
"""Generates the demo grid registry of Hohhot's ten districts (about 5,880 grids, as the city coded them).

Streets, communities and villages are invented with plausible names and counts; codes follow the national
rules (6-digit county + 3 street/town: streets 001-099, towns 100-199, townships 200-399 + 3 community/village +
3 grid sequence). Deterministic: the same seed gives the same file. Output: CSV with a header
code,name,status,latitude,longitude — the format POST /api/v1/admin/grid-registry accepts.

    python3 deploy/grid-registry/generate.py > services/intake-service/src/main/resources/grid-registry/hohhot.csv

With --outlines DISTRICT it prints instead the grids of that district as GeoJSON outlines (what a GIS exports):
each community's grids split its area between them, every place belonging to the grid whose centre is nearest
(Voronoi cells, clipped to the community's box). The local stack imports 赛罕区's so its map shows outlines:

    python3 deploy/grid-registry/generate.py --outlines 150105 \
        > deploy/local-stack/src/main/resources/demo/saihan-grid-outlines.geojson
"""
import json
import math
import random
import sys

TOTAL_GRIDS = 5880
rng = random.Random(150100)

# code, name, centre, urban streets, towns, townships, share of the grids
DISTRICTS = [
    ("150102", "新城区", (40.863, 111.665), 9, 1, 0, 0.14),
    ("150103", "回民区", (40.808, 111.624), 8, 1, 0, 0.11),
    ("150104", "玉泉区", (40.753, 111.675), 8, 1, 0, 0.10),
    ("150105", "赛罕区", (40.792, 111.701), 10, 2, 0, 0.17),
    ("150121", "土默特左旗", (40.729, 111.163), 1, 8, 0, 0.11),
    ("150122", "托克托县", (40.277, 111.194), 0, 5, 0, 0.06),
    ("150123", "和林格尔县", (40.379, 111.822), 0, 6, 1, 0.07),
    ("150124", "清水河县", (39.921, 111.647), 0, 5, 3, 0.06),
    ("150125", "武川县", (41.096, 111.451), 0, 5, 3, 0.07),
    ("150172", "呼和浩特经济技术开发区", (40.818, 111.763), 3, 0, 0, 0.11),
]

STREET_WORDS = ["海拉尔", "锡林", "中山", "光明", "大学", "昭乌达", "人民", "兴安", "通道", "新华", "钢铁", "石羊桥",
                "小召", "长和廊", "鄂尔多斯", "敕勒川", "巴彦", "金桥", "如意", "乌素图", "攸攸板", "西菜园", "毫沁营",
                "成吉思汗", "迎新", "丁香", "腾飞", "东风", "滨河", "学府", "青城", "阿尔泰", "公主府", "桥靠", "金海"]
STREET_SUFFIX = ["东路", "西路", "南路", "北路", "大街", "路", "街"]
TOWN_WORDS = ["察素齐", "毕克齐", "白庙子", "善岱", "台阁牧", "塔布赛", "北什轴", "双河", "古城", "新营子", "五申",
              "燕山营", "盛乐", "城关", "宏河", "喇嘛湾", "窑沟", "北堡", "韭菜庄", "老牛湾", "可可以力更", "哈乐",
              "西乌兰不浪", "上秃亥", "大豆铺", "耗赖山", "二份子", "得胜营", "黑城", "舍必崖", "大红城", "羊群沟"]
COMMUNITY_WORDS = ["幸福", "和平", "阳光", "锦绣", "园丁", "康居", "明珠", "春华", "学府", "兴盛", "安居", "祥和",
                   "惠民", "民族", "团结", "繁荣", "文化", "友谊", "新城", "丽苑", "盛世", "瑞和", "嘉园", "颐和",
                   "紫薇", "丁香", "青山", "金地", "万家", "满都海", "大召", "西河沿", "北垣", "南茶坊", "东瓦窑"]
VILLAGE_HEADS = ["大", "小", "东", "西", "南", "北", "前", "后", "新", "古", "上", "下", "什拉", "讨号", "黑沙"]
VILLAGE_TAILS = ["营", "庄", "沟", "湾", "滩", "窑", "圪旦", "板申", "不浪", "什兰", "河", "梁", "堡", "图"]


def unique(pool, used, make):
    for _ in range(1000):
        name = make(pool)
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of names")


def jitter(point, spread):
    return (round(point[0] + rng.uniform(-spread, spread), 6), round(point[1] + rng.uniform(-spread, spread), 6))


rows = []
grid_count = 0
for d_index, (code, name, centre, streets, towns, townships, share) in enumerate(DISTRICTS):
    rows.append((code, name, centre))
    target = round(TOTAL_GRIDS * share) if d_index < len(DISTRICTS) - 1 else TOTAL_GRIDS - grid_count
    units = ([("street", 1 + i) for i in range(streets)] + [("town", 100 + i) for i in range(towns)]
             + [("township", 200 + i) for i in range(townships)])
    used = set()
    per_unit = [target // len(units)] * len(units)
    for i in range(target - sum(per_unit)):
        per_unit[i] += 1
    for (kind, seq), grids_here in zip(units, per_unit):
        if kind == "street":
            unit_name = unique(STREET_WORDS, used, lambda p: rng.choice(p) + rng.choice(STREET_SUFFIX)) + "街道"
        else:
            unit_name = unique(TOWN_WORDS, used, lambda p: rng.choice(p)) + ("镇" if kind == "town" else "乡")
        street_code = code + "%03d" % seq
        street_centre = jitter(centre, 0.05 if kind == "street" else 0.25)
        rows.append((street_code, unit_name, street_centre))
        # Communities of 5-12 grids each (at least 5, so every community has grids 001-005).
        communities = []
        left = grids_here
        while left > 0:
            n = min(left, rng.randint(5, 12))
            if 0 < left - n < 5:
                n = left
            communities.append(n)
            left -= n
        community_names = set()
        for c_seq, n in enumerate(communities, start=1):
            if kind == "street":
                c_name = unique(COMMUNITY_WORDS, community_names, lambda p: rng.choice(p)) + "社区"
            else:
                c_name = unique(VILLAGE_HEADS, community_names,
                                lambda p: rng.choice(p) + rng.choice(VILLAGE_TAILS)) + "村"
            community_code = street_code + "%03d" % c_seq
            community_centre = jitter(street_centre, 0.01)
            rows.append((community_code, c_name, community_centre))
            for g_seq in range(1, n + 1):
                rows.append((community_code + "%03d" % g_seq, "%s第%d网格" % (c_name, g_seq),
                             jitter(community_centre, 0.003)))
            grid_count += n

assert grid_count == TOTAL_GRIDS, grid_count


def clip(polygon, p, q):
    """The part of polygon nearer p than q (Sutherland-Hodgman against their perpendicular bisector)."""
    mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
    dx, dy = q[0] - p[0], q[1] - p[1]
    side = lambda v: (v[0] - mx) * dx + (v[1] - my) * dy  # <= 0: on p's side
    out = []
    for i, a in enumerate(polygon):
        b = polygon[(i + 1) % len(polygon)]
        sa, sb = side(a), side(b)
        if sa <= 0:
            out.append(a)
        if (sa < 0 < sb) or (sb < 0 < sa):
            t = sa / (sa - sb)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    return out


def outlines(district):
    """GeoJSON features: each grid of the district as the cell of its community nearest its centre."""
    grids = [(code, name, centre) for code, name, centre in rows if len(code) == 15 and code.startswith(district)]
    by_community = {}
    for g in grids:
        by_community.setdefault(g[0][:12], []).append(g)
    features = []
    for members in by_community.values():
        # x = longitude scaled to metres' proportions at this latitude, so the cells are not stretched.
        scale = math.cos(math.radians(members[0][2][0]))
        points = [(lon * scale, lat) for _, _, (lat, lon) in members]
        margin = 0.0015
        box = [(min(x for x, _ in points) - margin, min(y for _, y in points) - margin),
               (max(x for x, _ in points) + margin, min(y for _, y in points) - margin),
               (max(x for x, _ in points) + margin, max(y for _, y in points) + margin),
               (min(x for x, _ in points) - margin, max(y for _, y in points) + margin)]
        for (code, name, _), p in zip(members, points):
            cell = box
            for q in points:
                if q != p:
                    cell = clip(cell, p, q)
            ring = [[round(x / scale, 6), round(y, 6)] for x, y in cell]
            ring.append(ring[0])
            features.append({"type": "Feature", "properties": {"code": code, "name": name},
                             "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection", "features": features}


if len(sys.argv) == 3 and sys.argv[1] == "--outlines":
    json.dump(outlines(sys.argv[2]), sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
    sys.exit(0)

out = sys.stdout
out.write("code,name,status,latitude,longitude\n")
for code, name, (lat, lon) in rows:
    out.write("%s,%s,ACTIVE,%.6f,%.6f\n" % (code, name, lat, lon))
