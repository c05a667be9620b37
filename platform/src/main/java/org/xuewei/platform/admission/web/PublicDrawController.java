package org.xuewei.platform.admission.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xuewei.platform.admission.AdmissionResults;
import org.xuewei.platform.admission.LotteryDraws;
import org.xuewei.platform.admission.store.DrawRecord;

import java.nio.charset.StandardCharsets;

/**
 * Public pages, no login: every draw's published parts with downloads and the one-line verify command
 * ({@code /draws/**}), and the admission notice check ({@code /notices/{code}}) that shows no personal data.
 */
@Controller
class PublicDrawController {

    private final LotteryDraws draws;
    private final AdmissionResults results;

    PublicDrawController(LotteryDraws draws, AdmissionResults results) {
        this.draws = draws;
        this.results = results;
    }

    @GetMapping({"/draws", "/draws/"})
    String list(Model model) {
        model.addAttribute("draws", draws.recent(200));
        return "admission/draws";
    }

    @GetMapping("/draws/{code}")
    String draw(@PathVariable String code, Model model) {
        model.addAttribute("draw", find(code));
        return "admission/draw";
    }

    @GetMapping("/draws/{code}/instance.json")
    ResponseEntity<byte[]> instance(@PathVariable String code) {
        return file(find(code).instanceJson(), "instance.json");
    }

    @GetMapping("/draws/{code}/result.json")
    ResponseEntity<byte[]> result(@PathVariable String code) {
        DrawRecord d = find(code);
        if (d.resultJson() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return file(d.resultJson(), "result.json");
    }

    @GetMapping("/notices/{code}")
    String notice(@PathVariable String code, @RequestParam(name = "m", defaultValue = "") String mac, Model model) {
        model.addAttribute("genuine", results.checkNotice(code, mac).orElse(null));
        return "admission/notice";
    }

    private DrawRecord find(String code) {
        return draws.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> file(String text, String name) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
