using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SmartBranch.LineEmulator.Tests;

/// <summary>Images for rich menu tests: a real (decodable) PNG, and a JPEG header with a frame size.</summary>
public static class TestImages
{
    /// <summary>A valid 8-bit grayscale PNG of the given size, optionally padded with an ancillary chunk to reach a byte size.</summary>
    public static byte[] Png(int width, int height, int padToBytes = 0)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grayscale), compression, filter, interlace all 0
        Chunk(output, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                var row = new byte[width + 1];
                for (var y = 0; y < height; y++)
                {
                    z.Write(row);
                }
            }

            Chunk(output, "IDAT", raw.ToArray());
        }

        if (padToBytes > output.Length + 24)
        {
            Chunk(output, "tEXt", new byte[padToBytes - output.Length - 24]);
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>SOI, APP0, then a baseline SOF0 frame header with the given size.</summary>
    public static byte[] JpegHeader(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x0B, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0];
        return [0xFF, 0xD8, .. app0, .. sof0, 0xFF, 0xD9];
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
