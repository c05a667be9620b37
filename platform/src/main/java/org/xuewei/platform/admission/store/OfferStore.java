package org.xuewei.platform.admission.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.xuewei.platform.admission.store.RunStore.instant;
import static org.xuewei.platform.admission.store.RunStore.utc;

/** Offers (报到) and seat counts; every change is one conditional statement, so concurrent clicks cannot over-fill. */
@Repository
public class OfferStore {

    /** An offer of a place. */
    public record Offer(long runId, String applicationNo, String schoolCode, int batch, String state,
                        Instant schoolConfirmedAt, Instant parentConfirmedAt, Instant deadline) {
    }

    /** Seats of a school in a published run. */
    public record Seat(String schoolCode, int capacity, int held) {
    }

    private final JdbcClient jdbc;

    OfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void seat(long run, String school, int capacity, int held) {
        jdbc.sql("insert into admission.seat (run_id, school_code, capacity, held) values (:run, :school, :cap, :held)")
                .param("run", run).param("school", school).param("cap", capacity).param("held", held).update();
    }

    public void offer(long run, String applicationNo, String school, int batch, Instant deadline) {
        jdbc.sql("""
                        insert into admission.offer (run_id, application_no, school_code, batch, state, deadline)
                        values (:run, :no, :school, :batch, 'OFFERED', :deadline)""")
                .param("run", run).param("no", applicationNo).param("school", school).param("batch", batch)
                .param("deadline", utc(deadline)).update();
    }

    /** Seats of many schools (school → {capacity, held}) in one statement. */
    public void seatAll(long run, Map<String, int[]> seats) {
        List<String> schools = List.copyOf(seats.keySet());
        jdbc.sql("""
                        insert into admission.seat (run_id, school_code, capacity, held)
                        select :run, s.school, cast(s.capacity as int), cast(s.held as int)
                        from unnest(:schools, :capacities, :held) as s(school, capacity, held)""")
                .param("run", run).param("schools", schools.toArray(String[]::new))
                .param("capacities", RunStore.column(schools, school -> seats.get(school)[0]))
                .param("held", RunStore.column(schools, school -> seats.get(school)[1])).update();
    }

    /** Offers of the first batch, one statement per ten thousand rows: (application number, school). */
    public void offerAll(long run, Map<String, String> schoolByApplication, int batchNo, Instant deadline) {
        List<Map.Entry<String, String>> all = List.copyOf(schoolByApplication.entrySet());
        for (int start = 0; start < all.size(); start += RunStore.CHUNK) {
            List<Map.Entry<String, String>> chunk = all.subList(start, Math.min(all.size(), start + RunStore.CHUNK));
            jdbc.sql("""
                            insert into admission.offer (run_id, application_no, school_code, batch, state, deadline)
                            select :run, o.no, o.school, :batch, 'OFFERED', :deadline
                            from unnest(:numbers, :schools) as o(no, school)""")
                    .param("run", run).param("batch", batchNo).param("deadline", utc(deadline))
                    .param("numbers", RunStore.column(chunk, Map.Entry::getKey))
                    .param("schools", RunStore.column(chunk, Map.Entry::getValue)).update();
        }
    }

    /** Moves (or gives) a child's offer to another school; the caller has taken a seat there. */
    public void move(long run, String applicationNo, String school, Instant deadline) {
        move(run, applicationNo, school, null, deadline);
    }

    /**
     * Moves (or gives) a child's offer to another school, giving back the seat of the old one (if not released) —
     * the caller has taken a seat at the new one; {@code batch} is the new offer's batch, {@code null} keeps the old.
     */
    public void move(long run, String applicationNo, String school, Integer batch, Instant deadline) {
        Optional<Offer> old = find(run, applicationNo);
        if (old.isPresent() && !"RELEASED".equals(old.get().state())) {
            jdbc.sql("update admission.seat set held = held - 1 where run_id = :run and school_code = :school")
                    .param("run", run).param("school", old.get().schoolCode()).update();
        }
        if (old.isPresent()) {
            jdbc.sql("""
                            update admission.offer set school_code = :school, state = 'OFFERED', deadline = :deadline,
                                school_confirmed_at = null, parent_confirmed_at = null, released_at = null,
                                batch = coalesce(cast(:batch as int), batch)
                            where run_id = :run and application_no = :no""")
                    .param("run", run).param("no", applicationNo).param("school", school).param("batch", batch)
                    .param("deadline", utc(deadline)).update();
        } else {
            offer(run, applicationNo, school, batch == null ? 0 : batch, deadline);
        }
    }

    /** Takes one seat if one is free; false when the school is full. */
    public boolean take(long run, String school) {
        return jdbc.sql("""
                        update admission.seat set held = held + 1
                        where run_id = :run and school_code = :school and held < capacity""")
                .param("run", run).param("school", school).update() == 1;
    }

    public boolean confirmBySchool(long run, String applicationNo, Instant at) {
        return jdbc.sql("""
                        update admission.offer set school_confirmed_at = coalesce(school_confirmed_at, :at),
                            state = case when parent_confirmed_at is not null then 'CONFIRMED' else state end
                        where run_id = :run and application_no = :no and state <> 'RELEASED'""")
                .param("run", run).param("no", applicationNo).param("at", utc(at)).update() == 1;
    }

    public boolean confirmByParent(long run, String applicationNo, Instant at) {
        return jdbc.sql("""
                        update admission.offer set parent_confirmed_at = coalesce(parent_confirmed_at, :at),
                            state = case when school_confirmed_at is not null then 'CONFIRMED' else state end
                        where run_id = :run and application_no = :no and state <> 'RELEASED'""")
                .param("run", run).param("no", applicationNo).param("at", utc(at)).update() == 1;
    }

    /** Releases every offer past its deadline not confirmed by both sides, gives the seats back; seats per school. */
    public Map<String, Integer> releaseUnconfirmed(long run, Instant at) {
        Map<String, Integer> released = new TreeMap<>();
        jdbc.sql("""
                        update admission.offer set state = 'RELEASED', released_at = :at
                        where run_id = :run and state = 'OFFERED' and deadline <= :at returning school_code""")
                .param("run", run).param("at", utc(at))
                .query((rs, n) -> released.merge(rs.getString(1), 1, Integer::sum)).list();
        released.forEach((school, n) -> jdbc.sql("""
                        update admission.seat set held = held - :n where run_id = :run and school_code = :school""")
                .param("n", n).param("run", run).param("school", school).update());
        return released;
    }

    /**
     * Moves the deadline of every open offer of the run to {@code at} (the demo's "the deadline passes"); returns how
     * many offers were open.
     */
    public int closeArrival(long run, Instant at) {
        return jdbc.sql("""
                        update admission.offer set deadline = :at
                        where run_id = :run and state = 'OFFERED' and deadline > :at""")
                .param("run", run).param("at", utc(at)).update();
    }

    public Optional<Offer> find(long run, String applicationNo) {
        return jdbc.sql("""
                        select run_id, application_no, school_code, batch, state, school_confirmed_at, parent_confirmed_at,
                            deadline
                        from admission.offer where run_id = :run and application_no = :no""")
                .param("run", run).param("no", applicationNo)
                .query((rs, n) -> new Offer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)))).optional();
    }

    public List<Offer> offers(long run) {
        return jdbc.sql("""
                        select run_id, application_no, school_code, batch, state, school_confirmed_at, parent_confirmed_at,
                            deadline
                        from admission.offer where run_id = :run order by school_code, application_no""")
                .param("run", run)
                .query((rs, n) -> new Offer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)))).list();
    }

    public List<Seat> seats(long run) {
        return jdbc.sql("select school_code, capacity, held from admission.seat where run_id = :run order by school_code")
                .param("run", run).query(Seat.class).list();
    }

    /**
     * The children of the run who wait for a second batch, by number: those with no offer at all (never placed), with
     * {@code null}, and those still holding the 统筹 seat the first batch gave them (placed by overflow, not at a school
     * they chose; the offer not released, not moved by an appeal or an earlier batch), with that school. A child
     * placed at a school it chose, or whose place was released, does not wait.
     */
    public Map<String, String> waiting(long run) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("""
                        select p.application_no, o.school_code from admission.placement p
                        left join admission.offer o on o.run_id = p.run_id and o.application_no = p.application_no
                        where p.run_id = :run and (o.application_no is null
                            or (p.route = 'OVERFLOW' and o.state <> 'RELEASED' and o.school_code = p.school_code))
                        order by p.application_no""")
                .param("run", run).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    /** Offers that still hold a seat, per school. */
    public Map<String, Integer> active(long run) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.sql("""
                        select school_code, count(*) from admission.offer where run_id = :run and state <> 'RELEASED'
                        group by school_code""")
                .param("run", run).query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }
}
