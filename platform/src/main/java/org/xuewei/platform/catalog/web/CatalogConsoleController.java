package org.xuewei.platform.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.xuewei.platform.catalog.CatalogExport;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.catalog.ImportResult;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A district's schools, zones and plans in the console ({@code /console/district/{code}/catalog}):
 * everyone who may open the district's console sees them; its administrator and the city
 * administrator edit a plan inline (htmx), download the workbook and upload one with a row-level report.
 */
@Controller
class CatalogConsoleController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Districts districts;
    private final CatalogImport imports;
    private final CatalogExport export;
    private final CatalogAccess access;
    private final CatalogPage page;

    CatalogConsoleController(Districts districts, CatalogImport imports, CatalogExport export, CatalogAccess access,
            CatalogPage page) {
        this.districts = districts;
        this.imports = imports;
        this.export = export;
        this.access = access;
        this.page = page;
    }

    @GetMapping("/console/district/{code}/catalog")
    String catalog(@PathVariable String code, @RequestParam(required = false) Integer season,
            Authentication authentication, Model model) {
        page.fill(model, district(code), season, access.mayEdit(authentication, code));
        return "catalog/district";
    }

    @PostMapping("/console/district/{code}/catalog/plans/{school}/{season}/{grade}")
    String changePlan(@PathVariable String code, @PathVariable String school, @PathVariable int season,
            @PathVariable int grade, @RequestParam int classes, @RequestParam int classSize,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication authentication,
            HttpServletRequest request, Locale locale, Model model) {
        District district = district(code);
        requireEditor(authentication, code);
        ImportResult result = imports.changePlan(school, season, grade, classes, classSize, null,
                access.editor(authentication, request, code), locale);
        page.fill(model, district, season, true);
        page.markRow(model, school, result);
        return htmx != null ? "catalog/district :: school-row" : "catalog/district";
    }

    @GetMapping("/console/district/{code}/catalog/workbook")
    ResponseEntity<byte[]> download(@PathVariable String code, @RequestParam(required = false) Integer season,
            Locale locale) {
        district(code);
        int chosen = season != null ? season : page.defaultSeason();
        return workbook(export.workbook(code, chosen, locale), "catalog-" + code + "-" + chosen + ".xlsx");
    }

    @PostMapping("/console/district/{code}/catalog/workbook")
    String upload(@PathVariable String code, @RequestParam(required = false) Integer season,
            @RequestParam("file") MultipartFile file, Authentication authentication, HttpServletRequest request,
            Locale locale, Model model) throws IOException {
        District district = district(code);
        requireEditor(authentication, code);
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = imports.importWorkbook(in, access.editor(authentication, request, code), locale);
        }
        page.fill(model, district, season, true);
        model.addAttribute("result", result);
        return "catalog/district";
    }

    static ResponseEntity<byte[]> workbook(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(bytes);
    }

    private District district(String code) {
        return districts.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void requireEditor(Authentication authentication, String code) {
        if (!access.mayEdit(authentication, code)) {
            throw new AccessDeniedException("Only the district's administrator or the city administrator may change its catalog");
        }
    }
}
