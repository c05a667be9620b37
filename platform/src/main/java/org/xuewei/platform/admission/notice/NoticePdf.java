package org.xuewei.platform.admission.notice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.admission.ChildResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * 录取通知书 as a PDF (OpenPDF): Chinese text in Noto Sans SC, embedded as a subset (Identity-H), so it renders
 * on a machine without Chinese fonts, and a QR code (ZXing) drawn as vector squares that links to the public check.
 * The font is fetched at build time (platform/pom.xml, npm package {@code @expo-google-fonts/noto-sans-sc}, SIL OFL).
 */
@Component
public class NoticePdf {

    /** Where the build puts the font on the classpath. */
    public static final String FONT = "/admission/fonts/NotoSansSC-Regular.ttf";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile BaseFont font;

    /** True when the CJK font is on the classpath. */
    public static boolean fontAvailable() {
        return NoticePdf.class.getResource(FONT) != null;
    }

    public byte[] render(ChildResult r, String verifyUrl) {
        BaseFont base = font();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 42, 42, 48, 42);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("录取通知书 " + r.applicationNo());
        doc.open();
        Font title = new Font(base, 24);
        Font body = new Font(base, 12);
        Font small = new Font(base, 8);
        Paragraph head = new Paragraph("录取通知书", title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(18);
        doc.add(head);
        doc.add(new Paragraph("申请编号：" + r.applicationNo(), body));
        doc.add(new Paragraph("经" + r.season() + "年义务教育招生" + (r.grade() == 1 ? "一年级（幼升小）" : "七年级（小升初）")
                + "派位，你已被", body));
        Paragraph school = new Paragraph(r.schoolName(), new Font(base, 18));
        school.setAlignment(Element.ALIGN_CENTER);
        school.setSpacingBefore(8);
        school.setSpacingAfter(8);
        doc.add(school);
        doc.add(new Paragraph("录取。录取方式：" + ROUTES.getOrDefault(r.route(), r.route()) + "。", body));
        if (r.arrivalDeadline() != null) {
            doc.add(new Paragraph("请于 " + DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(
                    r.arrivalDeadline().atZone(CHINA)) + " 前由学校与家长共同确认报到（双确认）。", body));
        }
        Paragraph note = new Paragraph("扫描二维码可核验本通知书真伪（不显示个人信息）。核验码：" + r.noticeCode(), small);
        note.setSpacingBefore(12);
        doc.add(note);
        Paragraph url = new Paragraph(verifyUrl, small);
        doc.add(url);
        drawQr(writer.getDirectContent(), verifyUrl, doc.right() - 110, doc.bottom(), 110);
        doc.close();
        return out.toByteArray();
    }

    private static final Map<String, String> ROUTES = Map.of("PREFERENTIAL", "政策优待", "CHOICE", "按志愿派位录取",
            "OVERFLOW", "教育局统筹安排", "SECOND_BATCH", "第二批次补录");

    static void drawQr(PdfContentByte cb, String text, float x, float y, float size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            float cell = size / m.getWidth();
            cb.saveState();
            cb.setRGBColorFill(0, 0, 0);
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        cb.rectangle(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                    }
                }
            }
            cb.fill();
            cb.restoreState();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            try (InputStream in = NoticePdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new AdmissionRefused("admission.refused.no-font");
                }
                f = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        in.readAllBytes(), null);
                font = f;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return f;
    }
}
