"""The geometry of text detection, in numpy: blobs of a binary map and their rotated boxes.

What OpenCV's ``findContours`` + ``minAreaRect`` + ``boxPoints`` do for the DB
post-processing of PP-OCR, for the needs of a text map: 8-connected blobs found from the
map's runs (union-find over runs of consecutive rows), each blob's convex hull and the
smallest rotated rectangle around it (rotating calipers over the hull's edges).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Points = NDArray[np.float64]  # (n, 2): x, y


def blobs(mask: NDArray[np.bool_], limit: int) -> list[Points]:
    """The 8-connected blobs of ``mask``, each as the end pixels of its runs (enough for
    its hull), largest first, at most ``limit`` of them."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    start_rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # exclusive; row-major order pairs them with starts
    count = len(starts)
    if count == 0:
        return []
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_first = np.searchsorted(start_rows, np.arange(height + 1))
    rows = start_rows.tolist()
    s_list, e_list = starts.tolist(), ends.tolist()
    for row in range(1, height):
        a, a_end = int(row_first[row - 1]), int(row_first[row])
        b, b_end = a_end, int(row_first[row + 1])
        while a < a_end and b < b_end:
            # 8-connectivity: runs touch when they overlap or meet at a corner
            if s_list[a] <= e_list[b] and s_list[b] <= e_list[a]:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[rb] = ra
            if e_list[a] < e_list[b]:
                a += 1
            else:
                b += 1
    roots = np.array([find(i) for i in range(count)])
    order = np.argsort(roots, kind="stable")
    sorted_roots = roots[order]
    splits = np.nonzero(np.diff(sorted_roots))[0] + 1
    groups = np.split(order, splits)
    groups.sort(key=len, reverse=True)
    row_array = np.array(rows, dtype=np.float64)
    found: list[Points] = []
    for group in groups[:limit]:
        ys = row_array[group]
        left = np.stack([starts[group].astype(np.float64), ys], axis=1)
        right = np.stack([ends[group].astype(np.float64) - 1, ys], axis=1)
        found.append(np.concatenate([left, right]))
    return found


def convex_hull(points: Points) -> Points:
    """Andrew's monotone chain; counter-clockwise in image coordinates' math sense."""
    unique = np.unique(points, axis=0)
    if len(unique) <= 2:
        return unique
    ordered = unique[np.lexsort((unique[:, 1], unique[:, 0]))]

    def half(sequence: Points) -> list[Points]:
        chain: list[Points] = []
        for point in sequence:
            while len(chain) >= 2:
                o, a = chain[-2], chain[-1]
                cross = (a[0] - o[0]) * (point[1] - o[1]) - (a[1] - o[1]) * (point[0] - o[0])
                if cross > 0:
                    break
                chain.pop()
            chain.append(point)
        return chain

    lower = half(ordered)
    upper = half(ordered[::-1])
    return np.array(lower[:-1] + upper[:-1])


def min_area_rect(points: Points) -> tuple[Points, float]:
    """The corners of the smallest rotated rectangle holding ``points`` (each pixel taken
    as its centre, as OpenCV does) and the length of its shorter side."""
    hull = convex_hull(points)
    if len(hull) == 1:
        x, y = hull[0]
        return np.array([[x, y], [x, y], [x, y], [x, y]]), 0.0
    edges = hull[1:] - hull[:1] if len(hull) == 2 else np.roll(hull, -1, axis=0) - hull
    angles = np.unique(np.mod(np.arctan2(edges[:, 1], edges[:, 0]), np.pi / 2))
    best: tuple[float, Points, float] | None = None
    for angle in angles:
        c, s = np.cos(angle), np.sin(angle)
        rotation = np.array([[c, s], [-s, c]])  # into the frame where the edge is along x
        turned = hull @ rotation.T
        low, high = turned.min(axis=0), turned.max(axis=0)
        size = high - low
        area = float(size[0] * size[1])
        if best is None or area < best[0]:
            corners = np.array(
                [[low[0], low[1]], [high[0], low[1]], [high[0], high[1]], [low[0], high[1]]]
            )
            best = (area, corners @ rotation, float(min(size)))
    assert best is not None
    return best[1], best[2]


def order_corners(box: Points) -> Points:
    """Top-left, top-right, bottom-right, bottom-left (image coordinates, y down)."""
    by_x = box[np.argsort(box[:, 0], kind="stable")]
    left, right = by_x[:2], by_x[2:]
    top_left, bottom_left = left[np.argsort(left[:, 1], kind="stable")]
    top_right, bottom_right = right[np.argsort(right[:, 1], kind="stable")]
    return np.array([top_left, top_right, bottom_right, bottom_left])


def expand(box: Points, distance: float) -> Points:
    """A rectangle grown by ``distance`` on every side (the DB 'unclip' of a rectangle,
    whose rounded offset has this rectangle as its minimum-area box)."""
    centre = box.mean(axis=0)
    ordered = order_corners(box)
    along = ordered[1] - ordered[0]
    down = ordered[3] - ordered[0]
    ux = along / max(float(np.linalg.norm(along)), 1e-9)
    uy = down / max(float(np.linalg.norm(down)), 1e-9)
    half_w = float(np.linalg.norm(along)) / 2 + distance
    half_h = float(np.linalg.norm(down)) / 2 + distance
    return np.array(
        [
            centre - ux * half_w - uy * half_h,
            centre + ux * half_w - uy * half_h,
            centre + ux * half_w + uy * half_h,
            centre - ux * half_w + uy * half_h,
        ]
    )
