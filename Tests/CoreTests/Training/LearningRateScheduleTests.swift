// LearningRateScheduleTests: warm-up ramp, linear decay to zero, constant mode.
import Testing
@testable import Core

@Suite struct LearningRateScheduleTests {
    @Test func warmUpThenLinearDecay() {
        let s = LearningRateSchedule(peak: 1, warmupSteps: 4)
        #expect(s.rate(step: 0, progress: 0, warmupProgress: 0) == 0.25)
        #expect(s.rate(step: 3, progress: 0.03, warmupProgress: 0) == 1)
        // Warm-up ended at 20% of the budget: halfway through the rest the rate is half the peak.
        #expect(abs(s.rate(step: 10, progress: 0.6, warmupProgress: 0.2) - 0.5) < 1e-6)
        #expect(s.rate(step: 100, progress: 1, warmupProgress: 0.2) == 0)
        #expect(s.rate(step: 100, progress: 1.5, warmupProgress: 0.2) == 0)
        let constant = LearningRateSchedule(peak: 2, warmupSteps: 0, decay: false)
        #expect(constant.rate(step: 50, progress: 0.9, warmupProgress: 0) == 2)
    }
}
