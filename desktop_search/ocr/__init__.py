"""OCR of scanned pages and images: PP-OCRv4's detection and recognition models (shipped in
``models/ocr``) on onnxruntime, with the geometry done in numpy and Pillow (no OpenCV)."""
