extension Plan {
    /// The run as `audience` may read it: the proposal and its explanations cover every
    /// organization's requests at the center, so only the center's audience (its managers,
    /// auditors, admins) gets them; anyone else sees the run's status and progress only.
    public func shown(to audience: Audience) -> Plan {
        guard audience != .center else { return self }
        var shown = self
        shown.result = nil
        shown.requestIds = nil
        return shown
    }
}
