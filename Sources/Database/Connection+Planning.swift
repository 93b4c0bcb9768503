extension Connection {
    /// Has every later statement of the current transaction planned for its own parameter values,
    /// never by a plan cached for any values. For reads whose best plan depends on the values: a
    /// report's period holds a day or a year of sessions, and after five runs PostgreSQL's generic
    /// plan for "any period" (index scans, sorts spilling to disk) took a year's category shares
    /// from 0.16 s to 1.2 s (docs/benchmarks.md, "Reports").
    public func planForParameterValues() throws(DatabaseError) {
        try query("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
    }
}
