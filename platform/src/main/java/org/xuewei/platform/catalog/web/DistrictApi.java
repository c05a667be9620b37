package org.xuewei.platform.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;

import java.util.List;

/** The city's districts as public JSON. */
@RestController
@RequestMapping("/api/v1/districts")
@Tag(name = "catalog", description = "Reference data of the city")
class DistrictApi {

    private final Districts districts;

    DistrictApi(Districts districts) {
        this.districts = districts;
    }

    @GetMapping
    @Operation(summary = "All districts and counties of the city, by GB/T 2260 code")
    List<District> all() {
        return districts.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One district by its six-digit code")
    District one(@PathVariable String code) {
        if (!code.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("A district code has six digits, like 360102; got '" + code + "'.");
        }
        return districts.find(code).orElseThrow(() -> new UnknownDistrictException(code));
    }
}
