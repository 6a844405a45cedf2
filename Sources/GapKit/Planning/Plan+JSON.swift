extension Plan {
    /// The plan contract: `actions`, `milestones`, `phases`, `documents`, `capacity`; numbers unrounded.
    /// `capacity.owners` gives every named owner of the plan's actions, in rank order of its first action.
    public var json: JSONValue {
        let actions: [JSONValue] = self.actions.map { action in
            let members: [JSONValue.Member] = [
                .init("id", .string(action.id)), .init("rank", .int(action.rank)), .init("phase", .string(action.phase)),
                .init("owner", action.owner.map(JSONValue.string) ?? .null),
                .init("effort", .double(action.effort)), .init("benefit", .double(action.benefit)),
                .init("priority", .double(action.priority)), .init("questions", Self.strings(action.questions)),
                .init("after", Self.strings(action.after)),
            ]
            return .object(members + Self.members(action.schedule))
        }
        let milestones: [JSONValue] = self.milestones.map { milestone in
            let members: [JSONValue.Member] = [
                .init("id", .string(milestone.id)), .init("phase", .string(milestone.phase)),
                .init("weeks", .double(milestone.weeks)), .init("after", Self.strings(milestone.after)),
            ]
            return .object(members + Self.members(milestone.schedule))
        }
        let phases: [JSONValue] = self.phases.map { phase in
            .object(["id": .string(phase.id), "projected_score": phase.projectedScore.map(JSONValue.double),
                     "effort": .double(phase.effort)])
        }
        let documents: [JSONValue] = self.documents.map { document in
            .object(["id": .string(document.id), "required": .bool(document.required), "status": .string(document.status.rawValue),
                     "actions": Self.strings(document.actions)])
        }
        return .object([
            "actions": .array(actions), "milestones": .array(milestones), "phases": .array(phases),
            "documents": .array(documents), "capacity": .object([
                "default": .double(capacity.default),
                "owners": .object(owners.map { .init($0, .double(capacity.of($0))) }),
            ]), "start": .string(start.description),
            "effort": .double(totalEffort), "weeks": .int(weeks),
        ])
    }

    private static func members(_ schedule: Schedule) -> [JSONValue.Member] {
        [.init("start_week", .int(schedule.startWeek)), .init("end_week", .int(schedule.endWeek)),
         .init("start_date", .string(schedule.startDate.description)), .init("end_date", .string(schedule.endDate.description))]
    }

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
