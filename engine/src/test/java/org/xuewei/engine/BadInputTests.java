package org.xuewei.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: exit code 2 and a message naming the student or school and the field. */
class BadInputTests {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown school in a choice   | "school":"S02","tier":3                  | "school":"S99","tier":3                  | student A0001: choices[2].school: unknown school "S99"
            school listed twice          | "school":"S02","tier":3                  | "school":"S01","tier":3                  | student A0001: choices[2].school: school S01 listed twice
            duplicate student id         | "id":"A0002"                             | "id":"A0001"                             | student A0001: id: duplicate student id
            duplicate school id          | {"id":"S02","capacity":2}                | {"id":"S01","capacity":2}                | school S01: id: duplicate school id
            bad student id               | "id":"A0002"                             | "id":"A 0002"                            | students[2].id
            too long id                  | "id":"A0002"                             | "id":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" | students[2].id
            negative capacity            | "capacity":2                             | "capacity":-1                            | school S02: capacity
            negative tier                | "school":"S02","tier":3                  | "school":"S02","tier":-3                 | student A0001: choices[2].tier
            decimal tier                 | "school":"S02","tier":3                  | "school":"S02","tier":3.5                | student A0001: choices[2].tier: must be an integer
            points as a string           | "points":12.5                            | "points":"12.5"                          | student A0001: choices[1].points: must be a number
            malformed seed               | "seed":"5f0c                             | "seed":"5F0C                             | seed: must be 64 lowercase hex digits
            short seed                   | "seed":"5f0c                             | "seed":"5f0                              | seed: must be 64 lowercase hex digits
            wrong format                 | xuewei-allocation/1                      | xuewei-allocation/2                      | format: expected "xuewei-allocation/1"
            unknown mechanism            | deferred-acceptance                      | top-trading-cycles                       | mechanism: unknown mechanism "top-trading-cycles"
            unknown tie-break            | "single"                                 | "lottery"                                | tieBreak: unknown tie-break "lottery"
            student not an object        | "students":[                             | "students":[[                            | students[1]: must be an object
            invalid JSON                 | {"id":"S01","capacity":1}                | {"id":"S01","capacity":1,}               | invalid JSON at line 3
            truncated JSON               | ]}                                       | ]                                        | invalid JSON
            unknown field                | "points":12.5                            | "point":12.5                             | student A0001: choices[1]."point": unknown field
            student in two groups        | "groups":[["A0001","A0002"]]             | "groups":[["A0001","A0002"],["A0002","A0003"]] | student A0002: groups: in more than one group
            group choices differ         | "groups":[["A0001","A0002"]]             | "groups":[["A0001","A0003"]]             | student A0003: choices
            unknown group member         | "groups":[["A0001","A0002"]]             | "groups":[["A0001","Z9"]]                | groups[1][2]: unknown student "Z9"
            duplicate key                | "tieBreak":"single",                     | "tieBreak":"single","tieBreak":"single", | "tieBreak": given twice
            """)
    void refused(String name, String from, String to, String message) throws IOException {
        String good = """
                {"format":"xuewei-allocation/1","mechanism":"deferred-acceptance","tieBreak":"single",
                 "seed":"5f0c0000000000000000000000000000000000000000000000000000000000ab",
                 "schools":[{"id":"S01","capacity":1},{"id":"S02","capacity":2}],
                 "students":[
                   {"id":"A0001","choices":[{"school":"S01","tier":1,"points":12.5},{"school":"S02","tier":3}]},
                   {"id":"A0002","choices":[{"school":"S01","tier":1,"points":12.5},{"school":"S02","tier":3}]},
                   {"id":"A0003","choices":[{"school":"S01","tier":0}]}
                 ],
                 "groups":[["A0001","A0002"]]}
                """;
        assertThat(good).contains(from);
        Path in = dir.resolve("in.json");
        Files.writeString(in, good.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        CliTests.Run run = CliTests.cli("allocate", "--in", in.toString(), "--out", dir.resolve("out.json").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(message);
        assertThat(dir.resolve("out.json")).doesNotExist();
    }
}
