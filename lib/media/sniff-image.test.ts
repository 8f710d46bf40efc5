import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff-image";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? Array.from(part, (c) => c.charCodeAt(0)) : part)));

describe("sniffImage", () => {
  it("names each accepted format by its magic number", () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toBe("jpeg");
    expect(sniffImage(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffImage(bytes("GIF89a", [1, 0]))).toBe("gif");
    expect(sniffImage(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("webp");
  });

  it("recognises SVG so it can be refused by name, with or without a prolog", () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("svg");
    expect(sniffImage(bytes('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg>'))).toBe("svg");
  });

  it("does not trust text that merely claims to be an image", () => {
    expect(sniffImage(bytes("PNG image, honest"))).toBeNull();
    expect(sniffImage(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
