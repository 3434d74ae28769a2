package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// writeIcons draws the app's PNG icons (a rounded square holding rising
// bars, as web/icon.svg) at 192 and 512 pixels: go-app's default icon is a
// remote URL, which would break offline use and the privacy promise.
func writeIcons(web string) error {
	for _, size := range []int{192, 512} {
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, icon(size)); err != nil {
			return err
		}
		name := filepath.Join(web, map[int]string{192: "icon-192.png", 512: "icon-512.png"}[size])
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	iconBack   = color.RGBA{0x1f, 0x5f, 0x5b, 0xff}
	iconBar    = color.RGBA{0xf7, 0xf7, 0xf4, 0xff}
	iconAccent = color.RGBA{0xf2, 0xb1, 0x34, 0xff}
)

// icon draws the icon at size × size. It fills the whole square (a
// maskable icon's safe zone is the inner 80%) and keeps the bars inside
// that zone. Its three colours make it a paletted image: a PNG of a byte
// per pixel and a palette (icon-512.png is 302 bytes, 1,966 as RGBA;
// icon-192.png 155, 616 as RGBA; both are on the page's first load).
func icon(size int) image.Image {
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{iconBack, iconBar, iconAccent})
	s := float64(size) / 512
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.Set(x, y, iconBack)
		}
	}
	// Bars as in icon.svg (in a 512 box): x, top, width; bottom 380.
	bars := [][3]float64{{128, 260, 56}, {208, 210, 56}, {288, 170, 56}, {368, 120, 56}}
	for i, b := range bars {
		c := iconBar
		if i == len(bars)-1 {
			c = iconAccent
		}
		for y := int(b[1] * s); y < int(380*s); y++ {
			for x := int(b[0] * s); x < int((b[0]+b[2])*s); x++ {
				img.Set(x, y, c)
			}
		}
	}
	return img
}
