import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes the admission notice's CJK font: Noto Sans SC (SIL OFL 1.1) cut down to printable ASCII, Latin-1,
 * general and CJK punctuation, full-width forms and every character of GB 2312 (6,763 hanzi and its symbols),
 * so the notice PDF can embed it and render on any reader. Run by make-notice-font.sh; the output is committed.
 *
 * <p>Usage: java -cp fontbox.jar:pdfbox-io.jar:commons-logging.jar SubsetNoticeFont.java IN.ttf OUT.ttf
 */
public class SubsetNoticeFont {

    public static void main(String[] args) throws Exception {
        TreeSet<Integer> codePoints = new TreeSet<>();
        range(codePoints, 0x20, 0x7E);
        range(codePoints, 0xA0, 0xFF);
        range(codePoints, 0x2010, 0x206F);   // general punctuation
        range(codePoints, 0x3000, 0x303F);   // CJK symbols and punctuation
        range(codePoints, 0xFF01, 0xFF5E);   // full-width forms
        CharsetDecoder gb2312 = Charset.forName("GB2312").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int hi = 0xA1; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                try {
                    String s = gb2312.decode(ByteBuffer.wrap(new byte[] {(byte) hi, (byte) lo})).toString();
                    s.codePoints().forEach(codePoints::add);
                } catch (java.nio.charset.CharacterCodingException unmapped) {
                    // a hole in the GB 2312 table
                }
            }
        }
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(Path.of(args[0]).toFile()))) {
            TTFSubsetter subsetter = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
                    "glyf", "hmtx", "fpgm", "gasp", "name", "OS/2", "post", "cmap"));
            int kept = 0;
            for (int cp : codePoints) {
                if (font.getUnicodeCmapLookup().getGlyphId(cp) != 0) {
                    subsetter.add(cp);
                    kept++;
                }
            }
            try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                subsetter.writeToStream(out);
            }
            System.out.println(kept + " characters of " + codePoints.size() + " requested -> " + args[1]);
        }
    }

    private static void range(TreeSet<Integer> set, int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            set.add(cp);
        }
    }
}
