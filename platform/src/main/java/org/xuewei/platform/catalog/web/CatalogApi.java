package org.xuewei.platform.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xuewei.platform.catalog.CatalogExport;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.EnrollmentPlans;
import org.xuewei.platform.catalog.ImportResult;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.Schools;
import org.xuewei.platform.catalog.Zone;
import org.xuewei.platform.catalog.Zones;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * A district's schools, zones and plans as JSON. Reading is public (they are published notices);
 * changing needs the district's administrator or the city administrator (403 problem otherwise), and
 * a bad plan or workbook answers 422 with every problem in {@code problems}.
 */
@RestController
@RequestMapping("/api/v1/districts/{code}")
@Tag(name = "catalog", description = "Reference data of the city")
class CatalogApi {

    private final Districts districts;
    private final Schools schools;
    private final Zones zones;
    private final EnrollmentPlans plans;
    private final CatalogImport imports;
    private final CatalogExport export;
    private final CatalogAccess access;

    CatalogApi(Districts districts, Schools schools, Zones zones, EnrollmentPlans plans, CatalogImport imports,
            CatalogExport export, CatalogAccess access) {
        this.districts = districts;
        this.schools = schools;
        this.zones = zones;
        this.plans = plans;
        this.imports = imports;
        this.export = export;
        this.access = access;
    }

    /** The body of a plan change; {@code seats} may be left out (= classes × class size). */
    record PlanChange(Integer classes, Integer classSize, Integer seats) {
    }

    @GetMapping("/schools")
    @Operation(summary = "The district's schools (学校)")
    List<School> schools(@PathVariable String code) {
        district(code);
        return schools.ofDistrict(code);
    }

    @GetMapping("/schools/{school}")
    @Operation(summary = "One school of the district by its code")
    School school(@PathVariable String code, @PathVariable String school) {
        district(code);
        return schools.find(school).filter(s -> s.districtCode().equals(code))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Unknown school",
                        "District " + code + " has no school " + school + ". GET /api/v1/districts/" + code
                                + "/schools lists them."));
    }

    @GetMapping("/zones")
    @Operation(summary = "The district's school zones (学区划片) of a season (default: the newest with plans)")
    List<Zone> zones(@PathVariable String code, @RequestParam(required = false) Integer season) {
        district(code);
        return zones.ofDistrict(code, season(season));
    }

    @GetMapping("/plans")
    @Operation(summary = "The district's enrollment plans (招生计划) of a season (default: the newest with plans)")
    List<EnrollmentPlan> plans(@PathVariable String code, @RequestParam(required = false) Integer season) {
        district(code);
        return plans.ofDistrict(code, season(season));
    }

    @PutMapping("/plans/{school}/{season}/{grade}")
    @Operation(summary = "Set a school's plan: classes × class size (and seats); district administrator or city administrator")
    EnrollmentPlan changePlan(@PathVariable String code, @PathVariable String school, @PathVariable int season,
            @PathVariable int grade, @RequestBody PlanChange change, Authentication authentication,
            HttpServletRequest request, Locale locale) {
        district(code);
        requireEditor(authentication, code);
        if (change.classes() == null || change.classSize() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Send {\"classes\": 4, \"classSize\": 45} (and optionally \"seats\").");
        }
        School target = schools.find(school).filter(s -> s.districtCode().equals(code))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Unknown school",
                        "District " + code + " has no school " + school + "."));
        ImportResult result = imports.changePlan(target.code(), season, grade, change.classes(), change.classSize(),
                change.seats(), access.editor(authentication, request, code), locale);
        if (!result.written()) {
            throw refused(result);
        }
        return plans.find(school, season, grade).orElseThrow();
    }

    @GetMapping(value = "/workbook", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The district's schools, zones and plans of a season as an Excel workbook")
    ResponseEntity<byte[]> workbook(@PathVariable String code, @RequestParam(required = false) Integer season,
            Locale locale) {
        district(code);
        int chosen = season(season);
        return CatalogConsoleController.workbook(export.workbook(code, chosen, locale),
                "catalog-" + code + "-" + chosen + ".xlsx");
    }

    @PostMapping(value = "/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a workbook (part 'file'); all or nothing, 422 lists every bad row")
    ImportResult importWorkbook(@PathVariable String code, @RequestParam("file") MultipartFile file,
            Authentication authentication, HttpServletRequest request, Locale locale) throws IOException {
        district(code);
        requireEditor(authentication, code);
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = imports.importWorkbook(in, access.editor(authentication, request, code), locale);
        }
        if (!result.written()) {
            throw refused(result);
        }
        return result;
    }

    private int season(Integer season) {
        return season != null ? season : plans.seasons().stream().findFirst().orElse(access.currentSeason());
    }

    private void district(String code) {
        if (!code.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("A district code has six digits, like 360102; got '" + code + "'.");
        }
        if (districts.find(code).isEmpty()) {
            throw new UnknownDistrictException(code);
        }
    }

    private void requireEditor(Authentication authentication, String code) {
        if (!access.mayEdit(authentication, code)) {
            throw problem(HttpStatus.FORBIDDEN, "Forbidden", "Only district " + code
                    + "'s administrator (DISTRICT_ADMIN) or the city administrator may change its catalog.");
        }
    }

    private static ErrorResponseException refused(ImportResult result) {
        ErrorResponseException e = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Catalog change refused",
                result.problems().size() + " problems; nothing was written. Each entry of 'problems' says where and what to fix.");
        e.getBody().setProperty("problems", result.problems());
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
