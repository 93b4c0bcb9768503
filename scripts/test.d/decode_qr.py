"""Decodes the QR code drawn by each SVG file named on the command line with an independent
decoder: the SVG is rasterised by cairosvg and read by zxing-cpp. Prints one JSON object per
file: {"text": ..., "ecLevel": ...}, or {"text": null} when nothing was found."""
import io
import json
import sys

import cairosvg
import zxingcpp
from PIL import Image

for path in sys.argv[1:]:
    image = Image.open(io.BytesIO(cairosvg.svg2png(url=path, output_width=600, output_height=600)))
    found = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    if found:
        print(json.dumps({"text": found[0].text, "ecLevel": found[0].ec_level}))
    else:
        print(json.dumps({"text": None}))
