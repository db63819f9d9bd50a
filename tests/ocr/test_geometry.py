"""The detection geometry done without OpenCV: blobs of a map and their rotated boxes."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from desktop_search.ocr.geometry import blobs, convex_hull, expand, min_area_rect, order_corners


def test_separate_blobs_are_found_largest_first() -> None:
    mask = np.zeros((40, 60), dtype=bool)
    mask[2:6, 3:20] = True  # 68 pixels
    mask[20:35, 10:50] = True  # 600 pixels
    mask[38, 58] = True  # one pixel
    found = blobs(mask, limit=10)
    assert len(found) == 3
    sizes = [min_area_rect(points)[0] for points in found]
    assert np.allclose(sizes[0], [[10, 20], [49, 20], [49, 34], [10, 34]])


def test_diagonal_neighbours_are_one_blob_and_the_limit_holds() -> None:
    mask = np.eye(12, dtype=bool)  # touching only at corners
    assert len(blobs(mask, limit=5)) == 1
    many = np.zeros((10, 40), dtype=bool)
    many[::2, ::2] = True
    assert len(blobs(many, limit=7)) == 7


def test_the_box_of_a_rotated_bar_follows_its_angle() -> None:
    image = Image.new("L", (200, 200), 0)
    # a 100 x 16 bar turned by 30 degrees about (100, 100)
    angle = np.radians(30)
    along = np.array([np.cos(angle), np.sin(angle)])
    across = np.array([-np.sin(angle), np.cos(angle)])
    centre = np.array([100.0, 100.0])
    corners = [
        centre + sx * 50 * along + sy * 8 * across
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]
    ImageDraw.Draw(image).polygon([tuple(c) for c in corners], fill=1)
    (points,) = blobs(np.asarray(image, dtype=bool), limit=5)
    box, short = min_area_rect(points)
    ordered = order_corners(box)
    width = np.linalg.norm(ordered[1] - ordered[0])
    height = np.linalg.norm(ordered[3] - ordered[0])
    assert abs(max(width, height) - 100) < 4 and abs(short - 16) < 3
    direction = ordered[1] - ordered[0]
    assert abs(np.degrees(np.arctan2(direction[1], direction[0])) - 30) < 3


def test_hull_and_expansion() -> None:
    square = np.array([[0, 0], [4, 0], [4, 4], [0, 4], [2, 2], [1, 3]], dtype=float)
    assert len(convex_hull(square)) == 4
    grown = expand(np.array([[0, 0], [10, 0], [10, 4], [0, 4]], dtype=float), 2)
    assert np.allclose(order_corners(grown), [[-2, -2], [12, -2], [12, 6], [-2, 6]])
